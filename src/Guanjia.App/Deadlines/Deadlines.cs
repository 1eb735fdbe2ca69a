using Guanjia.App.Calendar;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Deadlines;

/// <summary>Starts, meets and cancels deadline rows for the workflows (R-PL-08).</summary>
public sealed class DeadlineBook(CalendarProvider calendars, TimeProvider clock)
{
    public sealed record Subject(string Type, Guid Id, string Ref, string ScopePath);

    /// <summary>Adds a deadline counted from <paramref name="start"/> with the item's own rule set.</summary>
    public async Task<Deadline> StartAsync(GuanjiaDb db, ProgrammeRuleSet rules, string obligation, Subject subject, Guid responsibleOrgId,
        DateTimeOffset start, TimeLimit limit, CancellationToken ct)
    {
        // A record's deadlines count on the working days of its own jurisdiction (ADR 0040).
        var cal = await calendars.GetAsync(db, subject.ScopePath, ct);
        var due = limit.DueFrom(start, cal);
        var d = StartAt(db, rules, obligation, subject, responsibleOrgId, start, due);
        d.WorkingDaysProvisional = limit.Unit == TimeUnit.WorkingDays && !CountedWithNotices(cal, start, due);
        return d;
    }

    /// <summary>Whether every year from the start to the due date has its State Council notice loaded (R-PL-01).</summary>
    public static bool CountedWithNotices(Domain.Calendar.WorkingCalendar cal, DateTimeOffset start, DateTimeOffset due)
    {
        var (from, to) = (Domain.Calendar.ChinaTime.LocalDate(start).Year, Domain.Calendar.ChinaTime.LocalDate(due).Year);
        for (var y = from; y <= to; y++)
            if (!cal.HasYear(y)) return false;
        return true;
    }

    public Deadline StartAt(GuanjiaDb db, ProgrammeRuleSet rules, string obligation, Subject subject, Guid responsibleOrgId,
        DateTimeOffset start, DateTimeOffset due) =>
        StartAt(db, obligation, subject, responsibleOrgId, start, due, rules.WarnAt(start, due));

    /// <summary>A deadline whose warning time the caller sets (programmes outside 民生大莞家 keep their own lead times).</summary>
    public Deadline StartAt(GuanjiaDb db, string obligation, Subject subject, Guid responsibleOrgId, DateTimeOffset start, DateTimeOffset due,
        DateTimeOffset warnAt)
    {
        var info = Obligations.All[obligation];
        var d = new Deadline
        {
            Id = Guid.CreateVersion7(), Obligation = obligation, RuleId = info.RuleId, SubjectType = subject.Type,
            SubjectId = subject.Id, SubjectRef = subject.Ref, ResponsibleOrgId = responsibleOrgId, ScopePath = subject.ScopePath,
            StartsAt = start, DueAt = due, WarnAt = warnAt < start ? start : warnAt > due ? due : warnAt, IsOpen = true,
        };
        db.Deadlines.Add(d);
        return d;
    }

    /// <summary>
    /// Marks the subject's open deadlines of these obligations met at <paramref name="at"/>, the time the step is
    /// recorded. Meeting one after its due time needs a reason, which is kept on the row; without one nothing is changed.
    /// Deadlines started earlier in the same unit of work count too (a closing starts the result's deadline, which the
    /// system's publication of the result then meets).
    /// </summary>
    public async Task<IReadOnlyList<Deadline>> MeetAsync(GuanjiaDb db, Guid subjectId, IEnumerable<string> obligations, string? lateReason,
        DateTimeOffset at, CancellationToken ct)
    {
        var keys = obligations.ToList();
        if (keys.Count == 0) return [];
        var stored = await db.Deadlines.Where(d => d.SubjectId == subjectId && d.IsOpen && keys.Contains(d.Obligation)).ToListAsync(ct);
        var added = db.Deadlines.Local.Where(d => d.SubjectId == subjectId && d.IsOpen && keys.Contains(d.Obligation));
        // A deadline met earlier in this unit of work is still open in the database; the tracked copy says it is not.
        var open = stored.Concat(added).Where(d => d.IsOpen).Distinct().ToList();
        var late = open.Where(d => at > d.DueAt).ToList();
        if (late.Count > 0)
            new Check()
                .When(string.IsNullOrWhiteSpace(lateReason), "lateReason", "late_reason_required",
                    $"已超过期限（{string.Join("、", late.Select(d => $"{Obligations.All[d.Obligation].Zh}，{d.RuleId}，截止 {Domain.Calendar.ChinaTime.ToLocal(d.DueAt):yyyy-MM-dd HH:mm}"))}），请填写超期原因",
                    $"The deadline has passed ({string.Join(", ", late.Select(d => $"{d.Obligation} {d.RuleId}"))}); give the reason for the delay")
                .MaxLength("lateReason", lateReason, 500, "超期原因", "Late reason")
                .ThrowIfFailed();
        foreach (var d in open) d.Meet(at, lateReason?.Trim());
        return open;
    }

    public async Task CancelOpenAsync(GuanjiaDb db, Guid subjectId, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The query reads the database, where a deadline met earlier in this unit of work is still open:
        // keep only those still open in memory, so a met deadline is not also cancelled.
        var open = await db.Deadlines.Where(d => d.SubjectId == subjectId && d.IsOpen).ToListAsync(ct);
        foreach (var d in open.Where(d => d.IsOpen))
            d.Cancel(now, reason);
    }
}

public sealed record DeadlineView(
    Guid Id, string Obligation, string RuleId, string Zh, string En, string SubjectType, Guid SubjectId, string? SubjectRef,
    Guid ResponsibleOrgId, string? ResponsibleOrgName, DateTimeOffset StartsAt, DateTimeOffset DueAt, DateTimeOffset WarnAt,
    DateTimeOffset? MetAt, string? LateReason, DateTimeOffset? CancelledAt, DeadlineStatus Status, long SecondsLeft,
    bool WorkingDaysProvisional = false);

public sealed record UnitDeadlineSummary(Guid OrganizationId, string? Name, int Open, int DueSoon, int Overdue, int MetOnTime, int MetLate);

/// <summary>What is due, soon, overdue, per unit and for the supervisors above it (R-PL-08).</summary>
public static class DeadlineQueries
{
    public enum Due { Open, DueSoon, Overdue, Met, Missed, All }

    public sealed record Filter(Due Status = Due.Open, Guid? ResponsibleOrgId = null, string? Obligation = null, string? SubjectType = null,
        Guid? SubjectId = null, int Page = 1, int PageSize = 50);

    public static async Task<Paged<DeadlineView>> ListAsync(GuanjiaDb db, TimeProvider clock, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var now = clock.GetUtcNow();
        var q = db.Deadlines.AsNoTracking();
        q = f.Status switch
        {
            Due.Open => q.Where(d => d.IsOpen),
            Due.DueSoon => q.Where(d => d.IsOpen && d.WarnAt <= now && d.DueAt >= now),
            Due.Overdue => q.Where(d => d.IsOpen && d.DueAt < now),
            Due.Met => q.Where(d => d.MetAt != null),
            Due.Missed => q.Where(d => (d.IsOpen && d.DueAt < now) || d.MetLate == true),
            _ => q,
        };
        if (f.ResponsibleOrgId is { } org) q = q.Where(d => d.ResponsibleOrgId == org);
        if (!string.IsNullOrWhiteSpace(f.Obligation)) q = q.Where(d => d.Obligation == f.Obligation);
        if (!string.IsNullOrWhiteSpace(f.SubjectType)) q = q.Where(d => d.SubjectType == f.SubjectType);
        if (f.SubjectId is { } s) q = q.Where(d => d.SubjectId == s);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(d => d.DueAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<DeadlineView>(await ViewsAsync(db, rows, now, ct), f.Page, f.PageSize, total);
    }

    public static async Task<IReadOnlyList<DeadlineView>> ViewsAsync(GuanjiaDb db, IReadOnlyList<Deadline> rows, DateTimeOffset now, CancellationToken ct)
    {
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.ResponsibleOrgId), ct);
        return rows.Select(d =>
        {
            var info = Obligations.All[d.Obligation];
            return new DeadlineView(d.Id, d.Obligation, d.RuleId, info.Zh, info.En, d.SubjectType, d.SubjectId, d.SubjectRef,
                d.ResponsibleOrgId, names.GetValueOrDefault(d.ResponsibleOrgId), d.StartsAt, d.DueAt, d.WarnAt, d.MetAt, d.LateReason,
                d.CancelledAt, d.StatusAt(now), (long)(d.DueAt - now).TotalSeconds, d.WorkingDaysProvisional);
        }).ToList();
    }

    /// <summary>Counts per responsible unit in the caller's scope, grouped in the database.</summary>
    public static async Task<IReadOnlyList<UnitDeadlineSummary>> SummaryAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var groups = await db.Deadlines.AsNoTracking().Where(d => d.CancelledAt == null)
            .GroupBy(d => d.ResponsibleOrgId)
            .Select(g => new
            {
                Org = g.Key,
                Open = g.Count(d => d.IsOpen),
                DueSoon = g.Count(d => d.IsOpen && d.WarnAt <= now && d.DueAt >= now),
                Overdue = g.Count(d => d.IsOpen && d.DueAt < now),
                MetOnTime = g.Count(d => d.MetAt != null && d.MetLate == false),
                MetLate = g.Count(d => d.MetLate == true),
            }).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, groups.Select(g => g.Org), ct);
        return groups.OrderByDescending(g => g.Overdue).ThenByDescending(g => g.DueSoon)
            .Select(g => new UnitDeadlineSummary(g.Org, names.GetValueOrDefault(g.Org), g.Open, g.DueSoon, g.Overdue, g.MetOnTime, g.MetLate))
            .ToList();
    }
}
