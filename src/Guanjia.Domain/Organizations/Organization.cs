using Guanjia.Domain.Common;

namespace Guanjia.Domain.Organizations;

public enum OrganizationKind
{
    City = 1,
    Town = 2,
    Street = 3,
    Park = 4,
    Village = 5,
    Community = 6,
    CityDepartment = 7,
    TownDepartment = 8,
    Contractor = 9,
    SocialWorkPoint = 10,
    Evaluator = 11,
}

/// <summary>What a department does; decides who joins a town review (R-MS-08).</summary>
public enum DepartmentFunction
{
    CivilAffairs = 1,
    Finance = 2,
    AgricultureForestryWater = 3,
    Housing = 4,
    NaturalResources = 5,
    ServiceData = 6,
    Organization = 7,
    Publicity = 8,
    Education = 9,
    HumanResources = 10,
    Health = 11,
    Disability = 12,
    Charity = 13,
    Audit = 14,
    Other = 99,
}

/// <summary>A node of the organisation tree (R-PL-02).</summary>
public sealed class Organization : IVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public OrganizationKind Kind { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>Codes from the root down, "/441900/441900003/": the prefix every scope check uses.</summary>
    public required string Path { get; set; }

    /// <summary>1 (strongest) to 4; towns only. Drives the matching-fund share (R-FD-04).</summary>
    public int? EconomicClass { get; set; }
    public bool IsPilot { get; set; }
    public DepartmentFunction? Function { get; set; }

    /// <summary>The town's lead department for the programme (镇街牵头部门).</summary>
    public bool IsLead { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public bool IsTownLevel => Kind is OrganizationKind.Town or OrganizationKind.Street or OrganizationKind.Park;
    public bool IsVillageLevel => Kind is OrganizationKind.Village or OrganizationKind.Community;

    public static string ChildPath(string? parentPath, string code) => $"{parentPath ?? "/"}{code}/";

    /// <summary>Which kinds may sit under which: the tree's shape, checked on every create and move.</summary>
    public static bool MayContain(OrganizationKind? parent, OrganizationKind child) => (parent, child) switch
    {
        (null, OrganizationKind.City) => true,
        (OrganizationKind.City, OrganizationKind.Town or OrganizationKind.Street or OrganizationKind.Park
            or OrganizationKind.CityDepartment or OrganizationKind.Contractor or OrganizationKind.SocialWorkPoint
            or OrganizationKind.Evaluator) => true,
        (OrganizationKind.Town or OrganizationKind.Street or OrganizationKind.Park,
            OrganizationKind.Village or OrganizationKind.Community or OrganizationKind.TownDepartment
            or OrganizationKind.Contractor or OrganizationKind.SocialWorkPoint) => true,
        _ => false,
    };

    public static bool IsTownKind(OrganizationKind k) =>
        k is OrganizationKind.Town or OrganizationKind.Street or OrganizationKind.Park;

    public static bool IsVillageKind(OrganizationKind k) => k is OrganizationKind.Village or OrganizationKind.Community;
}
