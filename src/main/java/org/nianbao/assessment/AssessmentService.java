package org.nianbao.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nianbao.reading.SourceText;
import org.nianbao.reading.TextDecoder;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.ScorecardLoader;
import org.nianbao.store.AssessmentStore;
import org.springframework.stereotype.Service;

/** The service's side of the flow: the active rules and scorecard, and storing what was assessed. */
@Service
public class AssessmentService {

    private final Assessor assessor;
    private final AssessmentStore store;

    public AssessmentService(NianbaoProperties properties, AssessmentStore store) {
        this.assessor = new Assessor(RuleSetLoader.load(properties.rulesDir()), ScorecardLoader.load(properties.scorecard()));
        this.store = store;
    }

    public Assessor assessor() {
        return assessor;
    }

    /** Reads, assesses and stores one uploaded report; the result carries its id. */
    public Assessment assessAndStore(String source, byte[] bytes, AssessmentOptions options) {
        SourceText text = TextDecoder.decode(source, bytes);
        Assessment assessment = assessor.assess(text, options);
        return store.save(assessment, sha256(bytes), text.original());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
