using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-01: the bureau registers a contractor (承接方) — a qualified institution, enterprise or social organisation — under its
/// unified social credit code, checked by the GB 32100 check character, with its qualifications and contacts. The contractor
/// becomes an organisation of the jurisdiction's tree, so its own accounts can be created and see its contracts.
/// </summary>
public static class SaveContractor
{
    public sealed record Create(string? Name, ContractorKind? Kind, string? CreditCode, string? LegalRepresentative, string? Address, string? Phone,
        IReadOnlyList<ServiceContent>? ServiceContents, IReadOnlyList<Qualification>? Qualifications, IReadOnlyList<ContractorContact>? Contacts, string? Note);

    public sealed record Update(string? Name, ContractorKind? Kind, string? CreditCode, string? LegalRepresentative, string? Address, string? Phone,
        IReadOnlyList<ServiceContent>? ServiceContents, IReadOnlyList<Qualification>? Qualifications, IReadOnlyList<ContractorContact>? Contacts, string? Note,
        int? Version, string? Reason);

    public static async Task<ContractorView> CreateAsync(GuanjiaDb db, TimeProvider clock, Create r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var (root, _) = await PurchasingSteps.BureauAsync(db, ct);
        var code = CreditCode.Normalize(r.CreditCode);
        var c = new Check();
        Validate(c, r.Name, r.Kind, r.CreditCode, r.LegalRepresentative, r.Address, r.Phone, r.ServiceContents, r.Qualifications, r.Contacts, r.Note);
        if (c.Ok)
        {
            // Codes are unique across jurisdictions: one organisation, one code (the check looks past the caller's own tree).
            c.When(await db.ContractorProfiles.IgnoreQueryFilters().AnyAsync(p => p.CreditCode == code, ct), "creditCode", "duplicate",
                "该统一社会信用代码已登记", "A contractor with this unified social credit code is already registered");
            c.When(await db.Organizations.AnyAsync(o => o.ParentId == root.Id && o.Name == r.Name!.Trim(), ct), "name", "duplicate",
                "本管辖区已有同名单位", "An organisation of that name already exists in the jurisdiction");
        }
        c.ThrowIfFailed();
        var now = clock.GetUtcNow();
        var orgCode = $"C{root.Code}-{code}";
        var org = new Organization
        {
            Id = Guid.CreateVersion7(), Code = orgCode.Length <= 40 ? orgCode : code, Name = r.Name!.Trim(), Kind = OrganizationKind.Contractor, ParentId = root.Id,
            Path = Organization.ChildPath(root.Path, orgCode.Length <= 40 ? orgCode : code), Address = Blank(r.Address), Phone = Blank(r.Phone), CreatedAt = now,
        };
        db.Organizations.Add(org);
        var p = new ContractorProfile
        {
            OrganizationId = org.Id, ScopePath = org.Path, CreditCode = code, ServiceContents = "", QualificationsJson = "[]", ContactsJson = "[]", CreatedAt = now,
        };
        Apply(p, r.Kind, code, r.LegalRepresentative, r.Address, r.Phone, r.ServiceContents, r.Qualifications, r.Contacts, r.Note, now);
        db.ContractorProfiles.Add(p);
        await db.Audit("RegisterContractor").SaveChangesAsync(ct);
        return await ContractorQueries.GetAsync(db, org.Id, ct);
    }

    public static async Task<ContractorView> UpdateAsync(GuanjiaDb db, TimeProvider clock, Guid id, Update r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var p = await db.ContractorProfiles.SingleOrDefaultAsync(x => x.OrganizationId == id, ct)
            ?? throw new NotFound("Contractor", "承接方不存在或不在您的管辖范围内", "The contractor does not exist or is outside your scope");
        var org = await db.Organizations.SingleAsync(o => o.Id == id, ct);
        if (r.Version != p.Version) throw new Conflict("承接方信息已被他人修改，请刷新后重试", "The contractor was changed by someone else; reload and retry");
        var code = CreditCode.Normalize(r.CreditCode);
        var c = new Check().Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason");
        Validate(c, r.Name, r.Kind, r.CreditCode, r.LegalRepresentative, r.Address, r.Phone, r.ServiceContents, r.Qualifications, r.Contacts, r.Note);
        if (c.Ok && code != p.CreditCode)
            c.When(await db.ContractorProfiles.IgnoreQueryFilters().AnyAsync(x => x.CreditCode == code, ct), "creditCode", "duplicate",
                "该统一社会信用代码已登记", "A contractor with this unified social credit code is already registered");
        c.ThrowIfFailed();
        var now = clock.GetUtcNow();
        org.Name = r.Name!.Trim();
        org.Address = Blank(r.Address);
        org.Phone = Blank(r.Phone);
        Apply(p, r.Kind, code, r.LegalRepresentative, r.Address, r.Phone, r.ServiceContents, r.Qualifications, r.Contacts, r.Note, now);
        await db.Audit("UpdateContractor", r.Reason).SaveChangesAsync(ct);
        return await ContractorQueries.GetAsync(db, id, ct);
    }

    private static void Validate(Check c, string? name, ContractorKind? kind, string? creditCode, string? legal, string? address, string? phone,
        IReadOnlyList<ServiceContent>? contents, IReadOnlyList<Qualification>? qualifications, IReadOnlyList<ContractorContact>? contacts, string? note)
    {
        c.Required("name", name, "承接方名称", "Name").MaxLength("name", name, 100, "承接方名称", "Name")
            .When(kind is null || !Enum.IsDefined(kind.Value), "kind", "required", "请选择承接方类型（机构、企业、社会组织）（R-PS-01）",
                "kind must be Institution, Enterprise or SocialOrganisation (R-PS-01)")
            .MaxLength("legalRepresentative", legal, 50, "法定代表人", "Legal representative")
            .MaxLength("address", address, 200, "地址", "Address")
            .MaxLength("phone", phone, 40, "电话", "Phone")
            .MaxLength("note", note, 1000, "备注", "Note")
            .When(!PurchasingSteps.AllDefined(contents), "serviceContents", "invalid", "服务内容无效", "Unknown service content");
        if (string.IsNullOrWhiteSpace(creditCode))
            c.Add("creditCode", "required", "请填写统一社会信用代码（R-PS-01）", "The unified social credit code is required (R-PS-01)");
        else if (CreditCode.Problem(creditCode) is { } bad)
            c.Add("creditCode", bad.Code, $"{bad.Zh}（R-PS-01）", $"{bad.En} (R-PS-01)");
        c.When(qualifications is null || qualifications.Count == 0, "qualifications", "required",
            "请登记承接方的资质（004：具备相应资质）（R-PS-01）", "Register the contractor's qualifications (R-PS-01: 具备相应资质)");
        for (var i = 0; i < (qualifications?.Count ?? 0); i++)
        {
            var q = qualifications![i];
            c.Required($"qualifications[{i}].name", q.Name, "资质名称", "Qualification").MaxLength($"qualifications[{i}].name", q.Name, 100, "资质名称", "Qualification")
                .MaxLength($"qualifications[{i}].number", q.Number, 100, "证书编号", "Number")
                .MaxLength($"qualifications[{i}].issuer", q.Issuer, 100, "发证机关", "Issuer");
        }
        c.When(qualifications is { Count: > 20 }, "qualifications", "too_many", "资质最多登记20项", "At most 20 qualifications");
        c.When(contacts is null || contacts.Count == 0, "contacts", "required", "请至少登记一名联系人", "Register at least one contact");
        for (var i = 0; i < (contacts?.Count ?? 0); i++)
        {
            var x = contacts![i];
            c.Required($"contacts[{i}].name", x.Name, "联系人", "Contact").MaxLength($"contacts[{i}].name", x.Name, 50, "联系人", "Contact")
                .MaxLength($"contacts[{i}].title", x.Title, 50, "职务", "Title")
                .Required($"contacts[{i}].phone", x.Phone, "联系电话", "Phone").MaxLength($"contacts[{i}].phone", x.Phone, 40, "联系电话", "Phone")
                .When(!string.IsNullOrWhiteSpace(x.Phone) && !LooksLikePhone(x.Phone), $"contacts[{i}].phone", "invalid", "联系电话格式不正确",
                    "The phone number is not valid");
        }
        c.When(contacts is { Count: > 10 }, "contacts", "too_many", "联系人最多登记10名", "At most 10 contacts");
    }

    internal static bool LooksLikePhone(string phone)
    {
        var t = phone.Trim();
        return t.Count(char.IsAsciiDigit) >= 7 && t.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' ' or '(' or ')');
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Apply(ContractorProfile p, ContractorKind? kind, string code, string? legal, string? address, string? phone,
        IReadOnlyList<ServiceContent>? contents, IReadOnlyList<Qualification>? qualifications, IReadOnlyList<ContractorContact>? contacts, string? note,
        DateTimeOffset now)
    {
        p.Kind = kind!.Value;
        p.CreditCode = code;
        p.LegalRepresentative = Blank(legal);
        p.Address = Blank(address);
        p.Phone = Blank(phone);
        p.ServiceContents = PurchasingTerms.Join(contents ?? []);
        p.QualificationsJson = PurchasingSteps.Write(qualifications!.Select(q => q with { Name = q.Name!.Trim() }).ToList());
        p.ContactsJson = PurchasingSteps.Write(contacts!.Select(x => x with { Name = x.Name!.Trim(), Phone = x.Phone!.Trim() }).ToList());
        p.Note = Blank(note);
        p.UpdatedAt = now;
    }
}
