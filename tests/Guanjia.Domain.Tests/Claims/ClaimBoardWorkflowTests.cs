using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.Domain.Tests.Claims;

public class ClaimBoardWorkflowTests
{
    // R-RT-02..04: the board's table says what may happen in each state.
    [Fact]
    public void R_RT_03_claims_are_taken_only_while_open_and_connection_only_once_claimed()
    {
        Assert.NotNull(ClaimBoardWorkflow.Find("Claim", ClaimItemState.Open));
        foreach (var s in Enum.GetValues<ClaimItemState>().Where(s => s != ClaimItemState.Open))
            Assert.Null(ClaimBoardWorkflow.Find("Claim", s));
        Assert.NotNull(ClaimBoardWorkflow.Find("Connect", ClaimItemState.Claimed));
        Assert.Null(ClaimBoardWorkflow.Find("Connect", ClaimItemState.Open));
        Assert.Null(ClaimBoardWorkflow.Find("ReturnUnclaimed", ClaimItemState.Claimed));
        Assert.Equal([Obligations.DirectPublication], ClaimBoardWorkflow.Find("Publish", ClaimItemState.AwaitingPublication)!.Meets);
        Assert.Equal([Obligations.DirectStart], ClaimBoardWorkflow.Find("Claim", ClaimItemState.Open)!.Starts);
    }

    // R-RT-02: the town's funding review of a direct project leads to the claim board; unclaimed it returns to publicity.
    [Fact]
    public void R_RT_04_a_project_waits_for_claims_and_returns_to_the_normal_process()
    {
        Assert.Contains(ProjectState.AwaitingClaim, ProjectWorkflow.Find("Review", ProjectState.TownReview, false)!.To);
        Assert.Equal([ProjectState.AwaitingPublicity], ProjectWorkflow.Find("ReturnUnclaimed", ProjectState.AwaitingClaim, false)!.To);
        Assert.Equal([ProjectState.AwaitingPublicity], ProjectWorkflow.Find("ConnectClaim", ProjectState.AwaitingClaim, false)!.To);
        Assert.Null(ProjectWorkflow.Find("Publish", ProjectState.AwaitingClaim, false));
    }

    // R-PL-07
    [Theory]
    [InlineData("改造光明路88号3栋502室及周边", "改造光明路**室及周边")]
    [InlineData("新村路18号门前", "新村路**号门前")]
    [InlineData("幸福小区5幢2单元", "幸福小区**元")]
    [InlineData("安装路灯12盏", "安装路灯12盏")]
    [InlineData("惠及800人", "惠及800人")]
    public void R_PL_07_house_building_and_room_numbers_are_masked_in_published_text(string text, string expected) =>
        Assert.Equal(expected, Masking.HouseNumbers(text));

    // R-PL-07: a donor is never named on the board; organisations are.
    [Fact]
    public void R_PL_07_donors_are_masked_organisations_named()
    {
        Assert.Equal("爱心人士林**", Claimant.PublicName(ClaimantKind.Donor, "林志强"));
        Assert.Equal("东莞市助残公益协会", Claimant.PublicName(ClaimantKind.SocialOrganization, "东莞市助残公益协会"));
    }

    // R-RT-01
    [Fact]
    public void R_RT_01_a_pairing_needs_the_paired_unit_and_only_express_has_a_form()
    {
        Assert.Throws<ValidationFailed>(() => new Check().ExpressForm(Route.Express, ExpressForm.Pairing, null).ThrowIfFailed());
        Assert.Throws<ValidationFailed>(() => new Check().ExpressForm(Route.Direct, ExpressForm.DirectGrant, null).ThrowIfFailed());
        new Check().ExpressForm(Route.Express, ExpressForm.Pairing, "东城街道办事处").ThrowIfFailed();
        new Check().ExpressForm(Route.Station, null, null).ThrowIfFailed();
    }
}
