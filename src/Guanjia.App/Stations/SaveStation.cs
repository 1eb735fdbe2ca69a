using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;

namespace Guanjia.App.Stations;

/// <summary>
/// The village registers and keeps up its stations (R-ST-01): the host platform it is built on, the place,
/// the head (one community worker) and contact, opening hours, the forms of service it offers (R-ST-06) and,
/// when the host platform is already run by a social organisation, that operator (R-ST-04). What is saved here
/// is what the town collects and the city publishes (R-ST-02).
/// </summary>
public static class SaveStation
{
    public sealed record Create(string? Name, HostPlatform? HostPlatform, string? HostPlatformOther, string? Address, string? HeadName,
        string? HeadPhone, string? OpeningHours, IReadOnlyList<ServiceForm>? ServiceForms, string? Description, Guid? OperatorId);

    public sealed record Update(string? Name, HostPlatform? HostPlatform, string? HostPlatformOther, string? Address, string? HeadName,
        string? HeadPhone, string? OpeningHours, IReadOnlyList<ServiceForm>? ServiceForms, string? Description, Guid? OperatorId, bool? IsActive,
        int? Version, string? Reason);

    public static async Task<StationView> CreateAsync(GuanjiaDb db, TimeProvider clock, Create r, CancellationToken ct)
    {
        StationSteps.RequireManage(db);
        var village = await StationSteps.ActorVillageAsync(db, ct);
        await ValidateAsync(db, r.Name, r.HostPlatform, r.HostPlatformOther, r.Address, r.HeadName, r.HeadPhone, r.OpeningHours, r.ServiceForms,
            r.Description, r.OperatorId, new Check(), ct);
        var now = clock.GetUtcNow();
        var s = new Station
        {
            Id = Guid.CreateVersion7(), VillageId = village.Id, TownId = village.ParentId!.Value, ScopePath = village.Path, Name = "", Address = "",
            HeadName = "", HeadPhone = "", ServiceForms = "", CreatedAt = now,
        };
        Apply(s, r.Name, r.HostPlatform, r.HostPlatformOther, r.Address, r.HeadName, r.HeadPhone, r.OpeningHours, r.ServiceForms, r.Description,
            r.OperatorId, now);
        db.Stations.Add(s);
        await db.Audit("RegisterStation").SaveChangesAsync(ct);
        return await StationQueries.GetStationAsync(db, s.Id, ct);
    }

    public static async Task<StationView> UpdateAsync(GuanjiaDb db, TimeProvider clock, Guid id, Update r, CancellationToken ct)
    {
        var s = await StationSteps.StationAsync(db, id, ct);
        StationSteps.RequireManage(db);
        StationSteps.RequireEditOf(r.Version, s.Version);
        var check = new Check().MaxLength("reason", r.Reason, 500, "修改原因", "Reason")
            .When(r.IsActive is null, "isActive", "required", "请说明驿站是否在运行", "isActive is required");
        await ValidateAsync(db, r.Name, r.HostPlatform, r.HostPlatformOther, r.Address, r.HeadName, r.HeadPhone, r.OpeningHours, r.ServiceForms,
            r.Description, r.OperatorId, check, ct);
        Apply(s, r.Name, r.HostPlatform, r.HostPlatformOther, r.Address, r.HeadName, r.HeadPhone, r.OpeningHours, r.ServiceForms, r.Description,
            r.OperatorId, clock.GetUtcNow());
        s.IsActive = r.IsActive!.Value;
        await db.Audit("UpdateStation", r.Reason).SaveChangesAsync(ct);
        return await StationQueries.GetStationAsync(db, s.Id, ct);
    }

    private static async Task ValidateAsync(GuanjiaDb db, string? name, HostPlatform? platform, string? platformOther, string? address, string? headName,
        string? headPhone, string? hours, IReadOnlyList<ServiceForm>? forms, string? description, Guid? operatorId, Check c, CancellationToken ct)
    {
        c.Required("name", name, "驿站名称", "Name").MaxLength("name", name, 100, "驿站名称", "Name")
            .When(platform is null || !Enum.IsDefined(platform.Value), "hostPlatform", "required", "请选择驿站依托的平台载体", "hostPlatform is required")
            .When(platform == HostPlatform.Other && string.IsNullOrWhiteSpace(platformOther), "hostPlatformOther", "required",
                "依托“其他”平台载体的，请写明平台名称", "Name the host platform when it is Other")
            .MaxLength("hostPlatformOther", platformOther, 100, "平台载体名称", "Host platform")
            .Required("address", address, "服务地点", "Address").MaxLength("address", address, 200, "服务地点", "Address")
            .Required("headName", headName, "驿站负责人", "Head").MaxLength("headName", headName, 50, "驿站负责人", "Head")
            .Required("headPhone", headPhone, "负责人联系电话", "Head's phone").MaxLength("headPhone", headPhone, 40, "联系电话", "Phone")
            .When(!string.IsNullOrWhiteSpace(headPhone) && !LooksLikePhone(headPhone), "headPhone", "invalid", "联系电话格式不正确",
                "The phone number is not valid")
            .MaxLength("openingHours", hours, 200, "开放时间", "Opening hours")
            .When(forms is null || forms.Count == 0, "serviceForms", "required", "请选择驿站提供的服务方式（场地支持、服务队伍、链接资源）",
                "serviceForms needs at least one of Venue, ServiceTeam, ResourceLinking (R-ST-06)")
            .When(!StationSteps.AllDefined(forms), "serviceForms", "invalid", "服务方式无效", "Unknown service form")
            .MaxLength("description", description, 1000, "驿站简介", "Description");
        if (operatorId is not null && await StationSteps.OperatorAsync(db, operatorId, ct) is null)
            c.Add("operatorId", "not_an_operator", "运营方须为在册的社会组织（承接机构或社工服务点）",
                "The operator must be a registered contractor or social-work service point");
        c.ThrowIfFailed();
    }

    internal static bool LooksLikePhone(string phone)
    {
        var t = phone.Trim();
        return t.Count(char.IsAsciiDigit) >= 7 && t.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' ' or '(' or ')');
    }

    private static void Apply(Station s, string? name, HostPlatform? platform, string? platformOther, string? address, string? headName,
        string? headPhone, string? hours, IReadOnlyList<ServiceForm>? forms, string? description, Guid? operatorId, DateTimeOffset now)
    {
        s.Name = name!.Trim();
        s.HostPlatform = platform!.Value;
        s.HostPlatformOther = platform == HostPlatform.Other ? platformOther!.Trim() : null;
        s.Address = address!.Trim();
        s.HeadName = headName!.Trim();
        s.HeadPhone = headPhone!.Trim();
        s.OpeningHours = string.IsNullOrWhiteSpace(hours) ? null : hours.Trim();
        s.ServiceForms = StationTerms.Join(forms!);
        s.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        s.OperatorId = operatorId;
        s.UpdatedAt = now;
    }
}
