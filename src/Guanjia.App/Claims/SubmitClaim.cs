using Guanjia.App.Contacts;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.Contacts;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>
/// An enterprise, social organisation or donor claims a published item from the portal with a verified
/// phone (R-RT-02, R-RT-03): the whole item, or a share when the city allowed shares. When the item is
/// fully claimed the month to start begins and the proposer is told who claimed it.
/// </summary>
public static class SubmitClaim
{
    public sealed record Request(ClaimantKind? ClaimantKind, string? Name, string? CreditCode, string? ContactName, string? Phone, string? Code,
        long? AmountFen, string? Note, int? Version);

    public sealed record Receipt(Guid ClaimId, string ItemNumber, long AmountFen, long RemainingFen, ClaimItemState ItemState);

    public static async Task<Receipt> HandleAsync(GuanjiaDb db, ProjectServices s, Guid itemId, Request r, CancellationToken ct)
    {
        var item = await db.ClaimItems.SingleOrDefaultAsync(x => x.Id == itemId && x.PublishedAt != null, ct)
            ?? throw new NotFound("ClaimItem", "认领项目不存在或尚未公布", "The item does not exist or is not published");
        var now = s.Clock.GetUtcNow();
        if (item.State != ClaimItemState.Open || now > item.WindowTo)
            throw new Conflict($"该项目{(item.State == ClaimItemState.Open ? "认领期已结束" : ClaimBoardWorkflow.Zh(item.State))}，不能再认领",
                $"The item is {(item.State == ClaimItemState.Open ? "past its window" : item.State.ToString())} and cannot be claimed");
        if (now < item.WindowFrom)
            throw new Conflict("认领期尚未开始", "The claim window has not opened yet");
        if (r.Version is { } v && v != item.Version)
            throw new Conflict("项目认领情况已变化，请刷新后重试", "The item changed; reload and try again");
        var organisation = r.ClaimantKind is Domain.Claims.ClaimantKind.Enterprise or Domain.Claims.ClaimantKind.SocialOrganization;
        var amount = item.AllowsShares ? r.AmountFen : r.AmountFen ?? item.AmountFen;
        new Check()
            .When(r.ClaimantKind is null || !Enum.IsDefined(r.ClaimantKind.Value), "claimantKind", "required",
                "请选择认领主体类型（爱心企业、社会组织、爱心人士）", "claimantKind must be Enterprise, SocialOrganization or Donor")
            .Required("name", r.Name, organisation ? "单位名称" : "姓名", "Name").MaxLength("name", r.Name, 100, "名称", "Name")
            .When(organisation && (r.CreditCode is null || !System.Text.RegularExpressions.Regex.IsMatch(r.CreditCode.Trim(), "^[0-9A-HJ-NPQRTUWXY]{18}$")),
                "creditCode", "invalid", "请填写18位统一社会信用代码", "An organisation needs its 18-character unified social credit code")
            .Required("contactName", r.ContactName, "联系人", "Contact").MaxLength("contactName", r.ContactName, 50, "联系人", "Contact")
            .MobilePhone("phone", r.Phone)
            .Required("code", r.Code, "短信验证码", "Verification code")
            .When(amount is null or <= 0, "amountFen", "required", "请填写认领金额（单位：分，须为正整数）", "amountFen must be a positive whole number of fen")
            .When(!item.AllowsShares && amount is > 0 && amount != item.AmountFen, "amountFen", "not_shared",
                "该项目不接受分份认领，须整体认领", "This item is claimed whole; it does not take shares")
            .When(item.AllowsShares && amount > item.RemainingFen, "amountFen", "over_remaining",
                $"认领金额超过剩余可认领金额（{item.RemainingFen / 100m:0.##}元）", $"The amount exceeds what is left to claim ({item.RemainingFen / 100m:0.##} CNY)")
            .When(item.AllowsShares && amount is > 0 && amount < item.MinimumShareFen && amount != item.RemainingFen, "amountFen", "below_minimum",
                $"每份认领不少于{item.MinimumShareFen / 100m:0.##}元", $"A share is at least {item.MinimumShareFen / 100m:0.##} CNY")
            .MaxLength("note", r.Note, 500, "留言", "Note")
            .ThrowIfFailed();
        await ContactVerifications.ConsumeAsync(db, s.Clock, r.Phone!, VerificationPurpose.Claim, r.Code, ct);

        var phone = r.Phone!.Trim();
        var hash = ContactVerifications.PhoneHash(phone);
        var name = r.Name!.Trim();
        var claimant = await db.Claimants.SingleOrDefaultAsync(c => c.PhoneHash == hash && c.Kind == r.ClaimantKind && c.Name == name, ct);
        if (claimant is null)
        {
            claimant = new Claimant
            {
                Id = Guid.CreateVersion7(), Kind = r.ClaimantKind!.Value, Name = name, Phone = phone, PhoneHash = hash,
                ContactName = r.ContactName!.Trim(), CreditCode = organisation ? r.CreditCode!.Trim() : null, VerifiedAt = now, CreatedAt = now,
            };
            db.Claimants.Add(claimant);
        }
        else
        {
            claimant.ContactName = r.ContactName!.Trim();
            claimant.VerifiedAt = now;
        }
        var claim = new Claim { Id = Guid.CreateVersion7(), ItemId = item.Id, ClaimantId = claimant.Id, AmountFen = amount!.Value, Note = r.Note?.Trim(), ClaimedAt = now };
        db.Claims.Add(claim);
        // The item's version guards the amount: two claims on the last share cannot both win (409).
        item.ClaimedFen += claim.AmountFen;
        var full = item.ClaimedFen >= item.AmountFen;
        if (full) item.ClaimedAt = now;
        await s.Workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "Claim", full ? "Full" : "Share",
            s.Workflow.At(values: full ? await ClaimBoard.ClaimResultValuesAsync(db, item, claimant, ct) : null), ct);
        await db.Audit("SubmitClaim", $"{Claimant.PublicName(claimant.Kind, claimant.Name)} {claim.AmountFen}").SaveChangesAsync(ct);
        return new Receipt(claim.Id, item.Number, claim.AmountFen, item.RemainingFen, item.State);
    }
}
