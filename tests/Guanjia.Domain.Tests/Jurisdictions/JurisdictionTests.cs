using System;
using System.Linq;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Organizations;
using Xunit;

namespace Guanjia.Domain.Tests.Jurisdictions;

/// <summary>Several jurisdictions (ADR 0040): the root of a path, the bureau's scope, and the configuration's checks.</summary>
public class JurisdictionTests
{
    [Theory]
    [InlineData("/441900/441900003/441900003901/", "/441900/")]
    [InlineData("/340102/", "/340102/")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    public void The_root_of_a_path_is_its_jurisdiction(string path, string root) => Assert.Equal(root, Jurisdiction.RootOf(path));

    [Fact]
    public void R_PL_03_the_bureau_sees_its_own_jurisdiction_not_everything()
    {
        var root = new Organization { Code = "340102", Name = "合肥市瑶海区", Kind = OrganizationKind.City, Path = "/340102/" };
        var bureau = new Organization { Code = "D340102-01", Name = "瑶海区民政局", Kind = OrganizationKind.CityDepartment, Path = "/340102/D340102-01/" };
        Assert.Equal("/340102/", RoleCatalog.ScopePathFor(Role.CityCivilAffairs, bureau, root));
        Assert.Equal("/340102/", RoleCatalog.ScopePathFor(Role.CityCivilAffairs, root, null));
    }

    [Fact]
    public void R_PS_07_the_rules_are_valid_three_years_from_their_first_day()
    {
        var v = new RulesValidity { ValidFrom = new DateOnly(2026, 11, 23) };
        Assert.Equal(new DateOnly(2029, 11, 22), v.LastDay);
        Assert.Equal(90, v.WarningDays);
    }

    [Fact]
    public void A_jurisdiction_running_Purchasing_needs_a_validity_and_sound_numbers()
    {
        var ok = JurisdictionRuleSet.For([ProgrammeCode.Purchasing, ProgrammeCode.CivilAffairs], new DateOnly(2026, 1, 1));
        ok.Validate();
        Assert.Equal(1.5m, ok.Purchasing.CommunitiesPerWorker);
        Assert.Equal(40, ok.CivilAffairs.PreJobTrainingHours);
        Assert.Equal(60, ok.CivilAffairs.ContinuingEducationHoursPerYear);
        Assert.Equal(45, ok.CivilAffairs.WorkerAgeLimit);
        var e = Assert.Throws<ValidationFailed>(() => (ok with
        {
            Validity = null, Purchasing = ok.Purchasing with { CommunitiesPerWorker = 0, EffectMinimumWeightPercent = 70, SatisfactionMinimumWeightPercent = 40 },
        }).Validate());
        Assert.Contains(e.Errors, x => x.Field == "validity" && x.Code == "required");
        Assert.Contains(e.Errors, x => x.Field == "purchasing.communitiesPerWorker");
        Assert.Contains(e.Errors, x => x.Field == "purchasing.satisfactionMinimumWeightPercent" && x.Code == "over_100");
        Assert.Null(JurisdictionRuleSet.For([ProgrammeCode.Livelihood], new DateOnly(2026, 1, 1)).Validity);
    }
}
