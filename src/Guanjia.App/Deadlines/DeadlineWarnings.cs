using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Deadlines;

/// <summary>
/// Raises warnings before a deadline passes, and a notice when it has passed, to the responsible unit
/// and the unit above it (R-PL-08). Each row is warned once: the stamp is saved with the notifications.
/// </summary>
public sealed class DeadlineWarnings(TimeProvider clock)
{
    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var toWarn = await db.Deadlines.Where(d => d.IsOpen && d.WarnedAt == null && d.WarnAt <= now).OrderBy(d => d.WarnAt).Take(200).ToListAsync(ct);
        var overdue = await db.Deadlines.Where(d => d.IsOpen && d.OverdueNotifiedAt == null && d.DueAt < now).OrderBy(d => d.DueAt).Take(200).ToListAsync(ct);
        if (toWarn.Count == 0 && overdue.Count == 0) return 0;

        var orgIds = toWarn.Concat(overdue).Select(d => d.ResponsibleOrgId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var parentIds = orgs.Values.Where(o => o.ParentId != null).Select(o => o.ParentId!.Value).Distinct().ToList();
        var parents = await db.Organizations.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var n = 0;

        void Notify(Deadline d, string kind, string text)
        {
            if (!orgs.TryGetValue(d.ResponsibleOrgId, out var org)) return;
            foreach (var target in new[] { org, org.ParentId is { } p ? parents.GetValueOrDefault(p) : null })
            {
                if (target is null) continue;
                db.StaffNotifications.Add(new StaffNotification
                {
                    Id = Guid.CreateVersion7(), OrganizationId = target.Id, ScopePath = target.Path, DeadlineId = d.Id, Kind = kind,
                    Text = target.Id == org.Id ? text : $"【督办】{org.Name}：{text}", CreatedAt = now,
                });
                n++;
            }
        }

        foreach (var d in toWarn)
        {
            var info = Obligations.All[d.Obligation];
            var left = d.DueAt - now;
            var leftText = left <= TimeSpan.Zero ? "已到期" : left.TotalHours < 48 ? $"剩余{Math.Ceiling(left.TotalHours)}小时" : $"剩余{Math.Floor(left.TotalDays)}天";
            Notify(d, "DueSoon", $"{d.SubjectRef}：“{info.Zh}”（{d.RuleId}）将于 {ChinaTime.ToLocal(d.DueAt):yyyy-MM-dd HH:mm} 到期，{leftText}。");
            d.WarnedAt = now;
        }
        foreach (var d in overdue)
        {
            var info = Obligations.All[d.Obligation];
            Notify(d, "Overdue", $"{d.SubjectRef}：“{info.Zh}”（{d.RuleId}）已于 {ChinaTime.ToLocal(d.DueAt):yyyy-MM-dd HH:mm} 超期，请尽快办理并说明原因。");
            d.OverdueNotifiedAt = now;
            d.WarnedAt ??= now;
        }
        await db.Audit("RaiseDeadlineWarnings").SaveChangesAsync(ct);
        return n;
    }
}
