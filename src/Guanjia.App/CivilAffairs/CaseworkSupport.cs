using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Calendar;
using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>What the casework's use cases need besides the database: the clock, the keys, the calendar, the deadline book.</summary>
public sealed record CaseworkServices(TimeProvider Clock, CaseworkCrypto Crypto, CalendarProvider Calendars, DeadlineBook Deadlines,
    ProgrammeRulesProvider Rules, Common.WorkflowRunner Workflow, Jurisdictions.JurisdictionRulesProvider Jurisdictions)
{
    /// <summary>
    /// Fires a row of one of the casework's tables (ADR 0019) at this services' clock: the only way a file, plan, link or
    /// transfer request changes state. The caller's save writes it, under the caller's audit name.
    /// </summary>
    public Task FireAsync<T, TState>(GuanjiaDb db, Workflow<T, TState> workflow, T subject, string action, string? outcome, CancellationToken ct)
        where T : IWorkflowSubject where TState : struct, Enum =>
        Workflow.FireAsync(db, workflow, subject, action, outcome, new Firing(Now), ct);

    public DateTimeOffset Now => Clock.GetUtcNow();

    public DateOnly Today => ChinaTime.LocalDate(Clock.GetUtcNow());
}

/// <summary>A 409 with a code of its own and what the client needs to go on (the file's link, the server's version).</summary>
public sealed class CaseworkConflict(string code, string zh, string en, Dictionary<string, object?> extra) : DomainProblem(code, zh, en)
{
    public Dictionary<string, object?> Extra { get; } = extra;
}

public static class CaseworkSettingsStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<(CaseworkSettings Settings, int Version)> GetAsync(GuanjiaDb db, CancellationToken ct)
    {
        var row = await db.CaseworkSettings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == 1, ct);
        return row is null ? (new CaseworkSettings(), 0) : (JsonSerializer.Deserialize<CaseworkSettings>(row.Json, Json) ?? new CaseworkSettings(), row.Version);
    }
}

internal static class Casework
{
    public static void Require(GuanjiaDb db, string permission)
    {
        if (!db.Actor.Has(permission))
            throw new Forbidden("您没有执行此操作的权限", $"You need the permission '{permission}'");
    }

    public static async Task<CaseFile> FileAsync(GuanjiaDb db, Guid id, CancellationToken ct) =>
        await db.CaseFiles.SingleOrDefaultAsync(f => f.Id == id, ct)
        ?? throw new NotFound("CaseFile", "档案不存在或不在您的范围内", "The file does not exist or is outside your scope");

    public static async Task<Organization> VillageAsync(GuanjiaDb db, Guid? villageId, string field, Check c, CancellationToken ct)
    {
        if (villageId is null)
        {
            c.Add(field, "required", "请选择村（社区）", $"{field} is required");
            return null!;
        }
        var v = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == villageId, ct);
        if (v is null || !Organization.IsVillageKind(v.Kind) || !db.Actor.Sees(v.Path))
        {
            c.Add(field, "unknown_village", "村（社区）不存在或不在您的范围内", "The village does not exist or is outside your scope");
            return null!;
        }
        return v;
    }

    /// <summary>Beijing date of an instant as yyyyMM.</summary>
    public static int MonthOf(DateTimeOffset at) => Months.Of(ChinaTime.LocalDate(at));

    public static string Join<T>(IEnumerable<T>? values) where T : struct, Enum =>
        string.Join(",", (values ?? []).Distinct().Select(v => v.ToString()));

    public static IReadOnlyList<T> Split<T>(string? values) where T : struct, Enum =>
        (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => Enum.Parse<T>(v)).ToList();

    public static Check Enums<T>(this Check c, string field, IEnumerable<T>? values) where T : struct, Enum
    {
        foreach (var v in values ?? [])
            if (!Enum.IsDefined(v)) c.Add(field, "invalid_value", "选项不正确", $"'{v}' is not a valid option");
        return c;
    }

    public static Check Defined<T>(this Check c, string field, T? value, string zh) where T : struct, Enum =>
        c.When(value is null || !Enum.IsDefined(value.Value), field, "required", $"请选择{zh}", $"{field} is required");

    /// <summary>Who sees full ID numbers and health: those with casework.sensitive (workers, the town, the city).</summary>
    public static bool SeesSensitive(GuanjiaDb db) => db.Actor.Has(Permissions.CaseworkSensitive);

    public static async Task<Dictionary<Guid, string>> NamesAsync(GuanjiaDb db, IEnumerable<Guid> ids, CancellationToken ct) =>
        await Organizations.OrganizationQueries.NamesAsync(db, ids, ct);
}
