using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Deadlines;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>What the purchase use cases share, injected once.</summary>
public sealed record PurchasingServices(TimeProvider Clock, JurisdictionRulesProvider Rules, DeadlineBook Deadlines, Calendar.CalendarProvider Calendars,
    Attachments.AttachmentLimits Limits, Common.WorkflowRunner Workflow);

/// <summary>Permission checks, loading in scope, and the JSON of the lists a record keeps (ADR 0041).</summary>
public static class PurchasingSteps
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Read<T>(string? json) where T : class, new() => string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Json) ?? new T();

    public static IReadOnlyList<T> ReadList<T>(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    public static void RequireManage(GuanjiaDb db)
    {
        if (!db.Actor.Has(Permissions.PurchasingManage))
            throw new Forbidden("只有区（市）民政局可以办理政府购买服务", "Only the civil-affairs bureau manages the purchase of services");
    }

    public static void Require(GuanjiaDb db, string permission, string zh, string en)
    {
        if (!db.Actor.Has(permission)) throw new Forbidden(zh, en);
    }

    /// <summary>The root of the caller's jurisdiction and its bureau, whose path the bureau's own records (budget, packages, tenders) carry.</summary>
    public static async Task<(Organization Root, Organization Bureau)> BureauAsync(GuanjiaDb db, CancellationToken ct)
    {
        var root = await JurisdictionSettings.OwnRootAsync(db, ct);
        return (root, await JurisdictionSettings.BureauAsync(db, root, ct));
    }

    public static async Task<ServiceContract> ContractAsync(GuanjiaDb db, Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = tracking ? db.ServiceContracts : db.ServiceContracts.AsNoTracking();
        return await q.SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFound("ServiceContract", "合同不存在或不在您的管辖范围内", "The contract does not exist or is outside your scope");
    }

    public static DateOnly Today(TimeProvider clock) => Domain.Calendar.ChinaTime.LocalDate(clock.GetUtcNow());

    /// <summary>Money in 元 with two decimals, for messages.</summary>
    public static string Yuan(long fen) => $"{fen / 100m:0.00}元";

    /// <summary>Checks a Beijing date typed as yyyy-MM-dd; null when absent or wrong (and the error is collected).</summary>
    public static DateOnly? Date(Check c, string field, string? text, string zh, string en, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) c.Add(field, "required", $"请填写{zh}", $"{en} is required");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return d;
        c.Add(field, "invalid_date", $"{zh}格式应为 yyyy-MM-dd", $"{en} must be a date as yyyy-MM-dd");
        return null;
    }

    public static bool AllDefined<T>(IEnumerable<T>? values) where T : struct, Enum => values is null || values.All(v => Enum.IsDefined(v));

    /// <summary>A registered contractor (an organisation of kind Contractor with its registry entry) of the caller's jurisdiction.</summary>
    public static async Task<Organization?> ContractorAsync(GuanjiaDb db, Guid? id, CancellationToken ct)
    {
        if (id is null) return null;
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Kind == OrganizationKind.Contractor, ct);
        return org is not null && await db.ContractorProfiles.AnyAsync(p => p.OrganizationId == org.Id, ct) ? org : null;
    }
}
