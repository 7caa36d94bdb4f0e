package org.nianbao.reading;

/**
 * An input that cannot be assessed: empty, not text, too large, or not an annual report.
 * The message is meant for the person who submitted the file (Chinese, with an English gloss).
 */
public class RejectedInput extends RuntimeException {

    /** Why the input was refused; decides the HTTP status. */
    public enum Reason { EMPTY, NOT_TEXT, TOO_LARGE, NOT_A_REPORT, UNSUPPORTED_FORMAT, OUT_OF_SCOPE }

    private final Reason reason;

    public RejectedInput(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RejectedInput empty() {
        return new RejectedInput(Reason.EMPTY, "文件为空，没有可评估的内容 (the file is empty)");
    }

    public static RejectedInput notText() {
        return new RejectedInput(Reason.NOT_TEXT,
                "文件不是可识别的文本（既不是 UTF-8 也不是 GB18030/GBK 编码）(the file is not readable text)");
    }

    public static RejectedInput tooLarge(long size, long limit) {
        return new RejectedInput(Reason.TOO_LARGE, "文件过大：%d 字节，上限为 %d 字节 (the file is larger than the limit)"
                .formatted(size, limit));
    }

    /** More text than {@code limit} characters, once read, whatever the format. */
    public static RejectedInput tooMuchText(long limit) {
        return new RejectedInput(Reason.TOO_LARGE,
                "文件中的文字超过 %d 个字符，不像一份年度报告 (too much text)".formatted(limit));
    }

    /** An annual report the scorecard does not score (e.g. one in the format before 2019), with the reason. */
    public static RejectedInput outOfScope(String reason) {
        return new RejectedInput(Reason.OUT_OF_SCOPE, reason + " (the report is outside what the scorecard scores)");
    }

    public static RejectedInput notAReport(String detail) {
        return new RejectedInput(Reason.NOT_A_REPORT,
                "内容不像政府信息公开工作年度报告：" + detail + " (the text is not a government information disclosure annual report)");
    }
}
