package org.nianbao.accounts;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Account names as written and as compared. A name is kept in NFKC (full-width ａｄｍｉｎ is admin); two names are
 * the same account name when their keys are equal: lower case, and every letter that looks like another folded to it
 * (Unicode's confusable skeleton, UTS #39), so «Boss», «bоss» with a Cyrillic о and «b0ss» are all «boss».
 */
public final class AccountNames {

    /** Letters (Chinese too), digits, dot, dash and underscore: a name that is safe wherever it is shown. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,64}");
    private static final SpoofChecker LOOK_ALIKES = new SpoofChecker.Builder().build();

    private AccountNames() {
    }

    /** The name as it is kept and signed in with: NFKC, without surrounding white space; null stays null. */
    public static String normalised(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
    }

    /** The normalised name, or {@link InvalidAccount} when it is not 2–64 letters, digits, dots, dashes or underscores. */
    public static String checked(String name) {
        String normalised = normalised(name);
        if (normalised == null || !NAME.matcher(normalised).matches()) {
            throw new InvalidAccount("账号名须为 2–64 个字母、汉字、数字或 . _ - (invalid account name)");
        }
        return normalised;
    }

    /** True when the name could be an account's (so its failed sign-ins are worth counting). */
    public static boolean plausible(String normalised) {
        return normalised != null && NAME.matcher(normalised).matches();
    }

    /** The key two names share when they read alike: lower case, look-alikes folded, lower case again ("0" → "O" → "o"). */
    public static String key(String name) {
        String lower = normalised(name).toLowerCase(Locale.ROOT);
        return LOOK_ALIKES.getSkeleton(lower).toLowerCase(Locale.ROOT);
    }
}
