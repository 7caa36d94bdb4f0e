# nianbao 规则语言：把检查清单式的中文句子翻译成规则（供 .dslr 规则文件使用）。
# [when] 是条件，[then] 是结论；{名称} 是句子里可以填写的部分，引号里的文字原样保留。
# 中文标点（，：“”）可以照常输入，编译前会统一处理。

# 「报告年度在…年及以后」对年度不明的报告也成立：不因报告没写年度而少查一项。
[when]报告年度在{year}年及以后=Report(year == null || year >= {year})
[when]报告年度在{year}年以前=Report(year != null, year < {year})
[when]这是人民政府的年度报告=Report(level == "government")
[when]这是部门的年度报告=Report(level == "department")
[when]这是乡镇街道的年度报告=Report(level == "township")
[when]报告缺少第{n}部分=not Section(number == {n})
[when]报告有第{n}部分=Section(number == {n})
[when]第{n}部分没有说明"{kind}"=not Statement(kind == "{kind}", section == {n})
[when]全文没有说明"{kind}"=not Statement(kind == "{kind}")
[when]全文说明了"{kind}"=exists Statement(kind == "{kind}")
[when]表{t}缺少"{row}"行=exists TableRow(table == "{t}") and not TableRow(table == "{t}", row == "{row}")
[when]表{t}的"{row}"行"{column}"列大于{n}=$cell : TableCell(table == "{t}", row == "{row}", column == "{column}", value != null, value > {n})
[when]表{t}的"{row}"行"{column}"列为空白=$cell : TableCell(table == "{t}", row == "{row}", column == "{column}", value == null)
[when]表3某一列的第一项加第二项不等于第三项加第四项=$new : TableCell(table == "3", row == "new_received", $col : column, value != null) $carried : TableCell(table == "3", row == "carried_over", column == $col, value != null) $results : TableCell(table == "3", row == "results_total", column == $col, value != null) $cell : TableCell(table == "3", row == "carried_forward", column == $col, value != null, org.nianbao.rules.Sums.differ($new.value() + $carried.value(), $results.value() + value))
[when]第五部分列出的问题少于{n}条=accumulate(Problem(); $count : count(); $count < {n})
[when]第五部分列出的改进措施少于{n}条=accumulate(Measure(); $count : count(); $count < {n})
[when]公开日期晚于公开期限{n}天以上=Deadline($due : date) Report(publishedOn != null, publishedOn.isAfter($due.plusDays({n})))

[then]在该单元格记录问题"{message}",建议"{suggestion}",扣{points}分=findings.cell(drools, $cell, "{message}", "{suggestion}", {points});
[then]在该单元格记录问题"{message}",建议"{suggestion}"=findings.cell(drools, $cell, null, $cell.value(), "{message}", "{suggestion}");
[then]在第{n}部分记录问题"{message}",建议"{suggestion}",扣{points}分=findings.text(drools, {n}, "{message}", "{suggestion}", {points});
[then]在第{n}部分记录问题"{message}",建议"{suggestion}"=findings.text(drools, {n}, null, null, "{message}", "{suggestion}");
[then]记录问题"{message}",建议"{suggestion}",扣{points}分=findings.report(drools, "{message}", "{suggestion}", {points});
[then]记录问题"{message}",建议"{suggestion}"=findings.report(drools, "{message}", "{suggestion}");
