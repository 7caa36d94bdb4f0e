package org.nianbao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.nianbao.assessment.Assessor;
import org.nianbao.policy.RuleCases;
import org.nianbao.policy.RulesetFiles;
import org.nianbao.policy.RulesetVersionStore;
import org.nianbao.policy.Validation;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rules export DIR} and {@code rules import DIR}: a ruleset version moved between the database and a folder
 * (rule files, {@code tests/}, {@code scorecard.yaml}), so that it can be kept in git. Import validates the folder and
 * runs its rule tests before it puts it in force, recorded as a new version with who (the system user) and why.
 */
final class BundleTransfer {

    private BundleTransfer() {
    }

    static int export(Path dir, String url, PrintStream out, PrintStream err) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> present = Files.list(dir)) {
                    if (present.findAny().isPresent()) {
                        err.println("错误: 目录 " + dir + " 不是空的；请导出到一个新目录，以免覆盖文件");
                        return 2;
                    }
                }
            }
            return withStore(url, err, store -> {
                var files = store.activeFiles();
                if (files.isEmpty()) {
                    err.println("错误: 数据库中还没有启用的规则版本（服务第一次启动时写入）");
                    return 1;
                }
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    err.println("错误: 无法创建目录 " + dir + "：" + e.getMessage());
                    return 1;
                }
                files.get().writeTo(dir);
                var version = store.history().stream().filter(RulesetVersionStore.Version::active).findFirst().orElseThrow();
                out.printf("已导出版本 #%d（规则 %s，记分卡 %s）：%d 个文件写入 %s%n", version.id(), version.version(),
                        version.scorecard(), files.get().files().size(), dir);
                return 0;
            });
        } catch (IOException e) {
            err.println("错误: 无法读取目录 " + dir + "：" + e.getMessage());
            return 1;
        }
    }

    static int importFolder(Path dir, Path scorecard, String url, String reason, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dir)) {
            err.println("错误: 没有目录 " + dir);
            return 2;
        }
        Validation v = Validation.of(dir, scorecard);
        if (!v.valid()) {
            err.println("规则或记分卡有误，共 " + v.problems().size() + " 处，未导入：");
            v.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        List<RuleCases.Result> failed = RuleCases.run(new Assessor(v.rules(), v.scorecard()), dir).stream()
                .filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            err.println("规则测试未通过，共 " + failed.size() + " 项，未导入：");
            failed.forEach(r -> err.println("  " + r.file() + " — " + r.name() + "：" + String.join("；", r.failures())));
            return 1;
        }
        RulesetFiles files = RulesetFiles.read(dir, scorecard);
        String by = "命令行（" + System.getProperty("user.name", "?") + "）";
        return withStore(url, err, store -> {
            String diff = files.diffFrom(store.activeFiles().orElse(null));
            long id = store.activate(v.rules().version(), v.scorecard().label(), files, by, reason, diff);
            out.printf("已启用版本 #%d（规则 %s，记分卡 %s），服务下次启动时生效。%n%s%n", id, v.rules().version(),
                    v.scorecard().label(), diff);
            return 0;
        });
    }

    /** Runs {@code work} on the version store of the database at {@code url}, its schema brought up to date first. */
    private static int withStore(String url, PrintStream err, java.util.function.ToIntFunction<RulesetVersionStore> work) {
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
            RulesetVersionStore store = new RulesetVersionStore(JdbcClient.create(data), JsonMapper.builder().build());
            Integer status = new TransactionTemplate(new DataSourceTransactionManager(data))
                    .execute(tx -> work.applyAsInt(store));
            return status == null ? 1 : status;
        } catch (DataAccessException | org.flywaydb.core.api.FlywayException e) {
            err.println("错误: 无法使用数据库 " + url + "：" + rootMessage(e)
                    + "（服务正在运行时请停止服务，或在工作台 / POST /api/rules/activate 启用）");
            return 1;
        } finally {
            data.destroy();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof SQLException s ? s.getMessage().lines().findFirst().orElse("") : String.valueOf(t.getMessage());
    }
}
