package org.aigaq.justice.bench;

import java.sql.Types;
import org.aigaq.justice.StepDraft;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Steps written straight into the database, as the benchmark and the cells' test load synthetic pipelines. */
public final class StepRows {

    private StepRows() {
    }

    /** The statement that writes one synthetic step. */
    public static final String INSERT = """
            INSERT INTO justice_step (event_id, step_type, occurred_on, filed_by, body_kind, reasons, outcome, article, code_version,
                sentence_kind, sentence_months, sentence_suspended, exemption, respondent, claimed_amount, awarded_amount, currency,
                target, recorded_by)
            VALUES (:e, :type, :on, :filedBy, :bodyKind, :reasons, :outcome, :article, :codeVersion, :sentenceKind, :months,
                :suspended, :exemption, :respondent, :claimed, :awarded, :currency, :target, :by)""";

    /** The parameters of {@link #INSERT} for one step of a case, recorded by the given user. */
    public static MapSqlParameterSource of(long id, StepDraft s, long user) {
        return new MapSqlParameterSource().addValue("e", id).addValue("type", s.stepType().name())
                .addValue("on", s.occurredOn(), Types.DATE).addValue("filedBy", s.filedBy(), Types.VARCHAR)
                .addValue("bodyKind", s.bodyKind(), Types.VARCHAR).addValue("reasons", s.reasons(), Types.VARCHAR)
                .addValue("outcome", s.outcome(), Types.VARCHAR).addValue("article", s.article(), Types.VARCHAR)
                .addValue("codeVersion", s.codeVersion(), Types.VARCHAR).addValue("sentenceKind", s.sentenceKind(), Types.VARCHAR)
                .addValue("months", s.sentenceMonths(), Types.INTEGER).addValue("suspended", s.sentenceSuspended(), Types.BOOLEAN)
                .addValue("exemption", s.exemption(), Types.VARCHAR).addValue("respondent", s.respondent(), Types.VARCHAR)
                .addValue("claimed", s.claimedAmount(), Types.NUMERIC).addValue("awarded", s.awardedAmount(), Types.NUMERIC)
                .addValue("currency", s.currency(), Types.VARCHAR).addValue("target", s.target(), Types.VARCHAR)
                .addValue("by", user);
    }
}
