using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Organizations;

/// <summary>The city adds or edits a node of the tree (R-PL-02). Moving a node is not offered: scopes hang on paths.</summary>
public static class SaveOrganization
{
    public sealed record Create(string? Code, string? Name, string? NameEn, OrganizationKind? Kind, Guid? ParentId,
        int? EconomicClass, bool IsPilot, DepartmentFunction? Function, bool IsLead, string? Address, string? Phone, string? Reason);

    public sealed record Update(string? Name, string? NameEn, int? EconomicClass, bool IsPilot, DepartmentFunction? Function,
        bool IsLead, string? Address, string? Phone, bool IsActive, int Version, string? Reason);

    public static async Task<OrganizationView> CreateAsync(GuanjiaDb db, TimeProvider clock, Create r, CancellationToken ct)
    {
        var check = new Check()
            .Required("code", r.Code, "编码", "Code").MaxLength("code", r.Code, 40, "编码", "Code")
            .When(r.Code is not null && r.Code.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'), "code", "invalid",
                "编码只能包含字母、数字和连字符", "code may contain letters, digits and '-' only")
            .Required("name", r.Name, "名称", "Name").MaxLength("name", r.Name, 100, "名称", "Name")
            .When(r.Kind is null || !Enum.IsDefined(r.Kind.Value), "kind", "required", "请选择组织类型", "kind is required");
        Organization? parent = null;
        if (r.ParentId is { } pid)
        {
            parent = await db.Organizations.FirstOrDefaultAsync(o => o.Id == pid, ct);
            check.When(parent is null, "parentId", "unknown_organization", "上级组织不存在", "The parent organisation does not exist");
        }
        if (r.Kind is { } kind && Enum.IsDefined(kind))
        {
            check.When((parent is not null || r.ParentId is null) && !Organization.MayContain(parent?.Kind, kind), "parentId", "invalid_parent",
                    $"{parent?.Name ?? "顶层"}下不能建立此类组织", $"A {kind} cannot be placed under {parent?.Kind.ToString() ?? "the root"}");
            ValidateAttributes(check, kind, r.EconomicClass, r.Function, r.IsLead);
        }
        // Codes are unique across jurisdictions: the check looks past the caller's own tree.
        if (r.Code is not null && await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Code == r.Code, ct))
            check.Add("code", "duplicate", "编码已被使用", "The code is already used");
        if (r.IsLead && parent is not null && await db.Organizations.AnyAsync(o => o.ParentId == parent.Id && o.IsLead, ct))
            check.Add("isLead", "duplicate_lead", "该镇街已有牵头部门", "The town already has a lead department");
        check.ThrowIfFailed();

        var org = new Organization
        {
            Id = Guid.CreateVersion7(),
            Code = r.Code!.Trim(),
            Name = r.Name!.Trim(),
            NameEn = r.NameEn,
            Kind = r.Kind!.Value,
            ParentId = parent?.Id,
            Path = Organization.ChildPath(parent?.Path, r.Code!.Trim()),
            EconomicClass = r.EconomicClass,
            IsPilot = r.IsPilot,
            Function = r.Function,
            IsLead = r.IsLead,
            Address = r.Address,
            Phone = r.Phone,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Organizations.Add(org);
        await db.Audit("CreateOrganization", r.Reason).SaveChangesAsync(ct);
        return OrganizationQueries.ToView(org);
    }

    public static async Task<OrganizationView> UpdateAsync(GuanjiaDb db, Guid id, Update r, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFound("Organization", "找不到该组织", "Organisation not found");
        if (org.Version != r.Version)
            throw new Conflict("该组织已被他人修改，请刷新后重试", "The organisation was changed by someone else; reload and retry");
        var check = new Check()
            .Required("name", r.Name, "名称", "Name").MaxLength("name", r.Name, 100, "名称", "Name")
            .Required("reason", r.Reason, "修改原因", "Reason");
        ValidateAttributes(check, org.Kind, r.EconomicClass, r.Function, r.IsLead);
        if (r.IsLead && !org.IsLead && await db.Organizations.AnyAsync(o => o.ParentId == org.ParentId && o.IsLead && o.Id != org.Id, ct))
            check.Add("isLead", "duplicate_lead", "该镇街已有牵头部门", "The town already has a lead department");
        check.ThrowIfFailed();
        org.Name = r.Name!.Trim();
        org.NameEn = r.NameEn;
        org.EconomicClass = r.EconomicClass;
        org.IsPilot = r.IsPilot;
        org.Function = r.Function;
        org.IsLead = r.IsLead;
        org.Address = r.Address;
        org.Phone = r.Phone;
        org.IsActive = r.IsActive;
        await db.Audit("UpdateOrganization", r.Reason).SaveChangesAsync(ct);
        return OrganizationQueries.ToView(org);
    }

    private static void ValidateAttributes(Check check, OrganizationKind kind, int? economicClass, DepartmentFunction? function, bool isLead)
    {
        var town = Organization.IsTownKind(kind);
        var dept = kind is OrganizationKind.CityDepartment or OrganizationKind.TownDepartment;
        check.When(town && economicClass is null or < 1 or > 4, "economicClass", "out_of_range",
                "镇街经济类别须为 1 到 4", "A town's economic class must be 1 to 4")
            .When(!town && economicClass is not null, "economicClass", "not_applicable",
                "只有镇街有经济类别", "Only towns have an economic class")
            .When(dept && (function is null || !Enum.IsDefined(function.Value)), "function", "required",
                "请选择部门职能", "A department needs a function")
            .When(isLead && kind != OrganizationKind.TownDepartment, "isLead", "not_applicable",
                "只有镇街职能部门可以是牵头部门", "Only a town department can be the lead department");
    }
}
