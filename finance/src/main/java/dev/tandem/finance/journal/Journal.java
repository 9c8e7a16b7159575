package dev.tandem.finance.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * An integration journal header (§3.8, §4.7). {@code periodStart} is the first day of the day, month or year its
 * lines' accounting dates fall in ({@code null} for period unit ALL); {@code originalJournalId} is set on an error
 * journal and names the journal its lines failed to post from; {@code lines} counts its lines.
 */
public record Journal(String dataAreaId, String journalId, PeriodUnit periodUnit, LocalDate periodStart,
                      JournalStatus status, String originalJournalId, String description, int lines) {

    /** Maps a header row selected with a {@code lines} count column. */
    static Journal map(ResultSet rs, int n) throws SQLException {
        return new Journal(rs.getString("dataareaid"), rs.getString("journalid"),
                PeriodUnit.valueOf(rs.getString("periodunit")), rs.getObject("periodstart", LocalDate.class),
                JournalStatus.valueOf(rs.getString("status")), rs.getString("originaljournalid"),
                rs.getString("description"), rs.getInt("lines"));
    }
}
