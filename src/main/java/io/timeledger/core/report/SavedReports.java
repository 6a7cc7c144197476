package io.timeledger.core.report;

import io.timeledger.core.account.Actor;
import io.timeledger.core.account.Role;
import io.timeledger.core.common.Invalid;
import io.timeledger.core.common.NotFound;
import io.timeledger.core.common.Reads;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports saved under a name in the account; everyone in it may run them, on what they may see. */
@Service
public class SavedReports {

    private final SavedReportRepository repository;

    SavedReports(SavedReportRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public SavedReport save(Actor actor, String name, ReportQuery query) {
        if (name == null || name.isBlank()) {
            throw new Invalid("name", "can't be blank");
        }
        if (name.length() > 255) {
            throw new Invalid("name", "is too long (maximum is 255 characters)");
        }
        if (query.groupBy().stream().filter(Dimension::period).count() > 1) {
            throw new Invalid("group_by", "may hold only one of date, week, month and year");
        }
        return repository.insert(actor.account(), actor.membershipId(), name.strip(), query);
    }

    /** The account's saved reports, by name. */
    @Reads
    public List<SavedReport> list(Actor actor) {
        return repository.list(actor.account());
    }

    /** Deletes a saved report: one's own, or anyone's for an administrator. */
    @Transactional
    public void delete(Actor actor, long id) {
        if (!repository.delete(actor.account(), id, actor.role() == Role.ADMIN ? null : actor.membershipId())) {
            throw new NotFound("Report", id);
        }
    }

    @Reads
    public SavedReport get(Actor actor, long id) {
        return repository.find(actor.account(), id).orElseThrow(() -> new NotFound("Report", id));
    }
}
