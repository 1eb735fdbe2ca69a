using System.Globalization;
using Guanjia.App.Funds;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Documents;

/// <summary>
/// The 资金发放台账 (R-FD-06) as a table, from the system's own ledger (<see cref="LedgerQueries.AllAsync"/>, so the
/// caller's scope applies exactly as to GET /api/funds/ledger): one row per disbursement in time order with its
/// project or wish, source, paying account and amount in 元; a reversal is a row of its own with the amount negated
/// (红字冲正) and both rows name each other, so the totals per source are what was really paid. A second sheet
/// sums by source. Wishes' needs and payees are masked: a wish is paid to a person (R-PL-07).
/// </summary>
public static class LedgerDocument
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("序号", 5), new("日期", 14), new("凭证号", 12), new("镇（街道）", 10), new("村（社区）", 11), new("项目/心愿编号", 15),
        new("项目/心愿名称", 18), new("资金来源", 12), new("付款账户", 18), new("金额（元）", 12), new("收款方/用途", 24), new("冲正关系", 16), new("经办人", 12),
    ];

    public static readonly IReadOnlyList<TableColumn> SourceColumns =
        [new("资金来源", 16), new("支付笔数", 9), new("支付金额（元）", 14), new("冲正笔数", 9), new("冲正金额（元）", 14), new("实际发放（元）", 14)];

    private sealed record Target(string Number, string Name, Guid TownId, Guid VillageId, bool Personal);

    public static async Task<DocumentFile> BuildAsync(GuanjiaDb db, TimeProvider clock, string? yearText, Guid? townId, CancellationToken ct)
    {
        var check = new Check();
        int? year = null;
        if (!string.IsNullOrWhiteSpace(yearText))
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) year = y;
            else check.Add("year", "invalid", "年度应为四位数字", "year must be a four-digit number");
        }
        FundBook.CheckYear(check, year);
        check.ThrowIfFailed();
        string unit;
        if (townId is { } t)
        {
            var town = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == t, ct);
            new Check().When(town is { IsTownLevel: false }, "townId", "not_a_town", "所选单位不是镇（街道）", "townId is not a town").ThrowIfFailed();
            if (town is null || !db.Actor.Sees(town.Path))
                throw new NotFound("Organization", "镇（街道）不存在或不在您的管辖范围内", "The town does not exist or is outside your scope");
            unit = town.Name;
        }
        else
        {
            var scope = db.Actor.ScopePath;
            unit = await db.Organizations.AsNoTracking().Where(o => o.Path == scope).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "东莞市";
        }

        var payments = await LedgerQueries.AllAsync(db, new LedgerQueries.Filter(year, TownId: townId, Kind: EntryKind.Payment), ct);
        var reversals = await LedgerQueries.AllAsync(db, new LedgerQueries.Filter(year, TownId: townId, Kind: EntryKind.Reversal), ct);
        var entries = payments.Concat(reversals.Where(r => r.TargetKind is not null)).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

        var targetIds = entries.Where(e => e.TargetId is not null).Select(e => e.TargetId!.Value).Distinct().ToList();
        var targets = (await db.MicroProjects.IgnoreQueryFilters().AsNoTracking().Where(p => targetIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Number, p.Name, p.TownId, p.VillageId }).ToListAsync(ct))
            .Select(p => (p.Id, T: new Target(p.Number, p.Name, p.TownId, p.VillageId, false)))
            .Concat((await db.MicroWishes.IgnoreQueryFilters().AsNoTracking().Where(w => targetIds.Contains(w.Id))
                .Select(w => new { w.Id, w.Number, w.Need, w.TownId, w.VillageId }).ToListAsync(ct))
                .Select(w => (w.Id, T: new Target(w.Number, Masking.FreeText(w.Need), w.TownId, w.VillageId, true))))
            // R-ST-10: a station item's fee, paid by its village.
            .Concat((await db.StationItems.IgnoreQueryFilters().AsNoTracking().Where(i => targetIds.Contains(i.Id))
                .Select(i => new { i.Id, i.Title, i.TownId, i.VillageId }).ToListAsync(ct))
                .Select(i => (i.Id, T: new Target("驿站服务项目", i.Title, i.TownId, i.VillageId, false))))
            // R-FD-07: a purchase contract's instalment, paid by the bureau.
            .Concat((await db.ContractInstalments.IgnoreQueryFilters().AsNoTracking().Where(i => targetIds.Contains(i.Id))
                .Join(db.ServiceContracts.IgnoreQueryFilters(), i => i.ContractId, c => c.Id, (i, c) => new { i.Id, c.Number, i.Name }).ToListAsync(ct))
                .Select(i => (i.Id, T: new Target(i.Number, i.Name, Guid.Empty, Guid.Empty, false))))
            .ToDictionary(x => x.Id, x => x.T);
        var accountIds = entries.SelectMany(e => e.Lines).Select(l => l.AccountId).Distinct().ToList();
        var accounts = await db.FundAccounts.IgnoreQueryFilters().AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.TownId, a.OrganizationId }).ToDictionaryAsync(a => a.Id, ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db,
            targets.Values.SelectMany(x => new[] { x.TownId, x.VillageId })
                .Concat(accounts.Values.SelectMany(a => new[] { a.TownId, a.OrganizationId }).OfType<Guid>()), ct);

        var now = clock.GetUtcNow();
        var title = $"{unit}{(year is { } yy ? $"{yy}年度" : "")}“民生大莞家”资金发放台账";
        // Where a purchased service's payment belongs: the paying account's town, and its village when a village holds it.
        var places = accounts.Values.ToDictionary(a => a.Id, a => (Town: a.TownId is { } tw ? names.GetValueOrDefault(tw, "") : "",
            Village: a.TownId is null || a.OrganizationId == a.TownId ? "" : names.GetValueOrDefault(a.OrganizationId, "")));
        return new DocumentFile(Build(title, unit, year, now, entries, targets, places, names),
            FileFormat.Xlsx, DocumentFile.Name(FileFormat.Xlsx, title));
    }

    private static byte[] Build(string title, string unit, int? year, DateTimeOffset now, IReadOnlyList<EntryView> entries,
        IReadOnlyDictionary<Guid, Target> targets, IReadOnlyDictionary<Guid, (string Town, string Village)> places, IReadOnlyDictionary<Guid, string> names)
    {
        var number = entries.Select((e, i) => (e.Id, N: i + 1)).ToDictionary(x => x.Id, x => x.N);
        string Ref(Guid id) => number.TryGetValue(id, out var n) ? $"第{n}笔" : $"编号{id.ToString("N")[..8]}";
        var rows = new List<IReadOnlyList<object?>>();
        var bySource = new Dictionary<FundSource, (int Paid, long PaidFen, int Reversed, long ReversedFen)>();
        foreach (var e in entries)
        {
            var payer = e.Lines.FirstOrDefault(l => l.AccountKind != AccountKind.Expenditure) ?? e.Lines[0];
            var reversal = e.Kind == EntryKind.Reversal;
            var amount = reversal ? -e.AmountFen : e.AmountFen;
            var target = e.TargetId is { } tid ? targets.GetValueOrDefault(tid) : null;
            var (town, village) = target is not null
                ? (names.GetValueOrDefault(target.TownId, ""), names.GetValueOrDefault(target.VillageId, ""))
                : places.GetValueOrDefault(payer.AccountId, ("", ""));
            var payee = target is { Personal: true } ? Masking.Name(e.Payee) : e.Payee;
            // The payee; without one (a purchased service names it in the description) the entry's description says what it paid.
            var purpose = string.IsNullOrWhiteSpace(payee) ? e.Description : payee;
            var link = reversal && e.ReversesId is { } of ? $"冲正{Ref(of)}" : e.ReversedById is { } by ? $"已由{Ref(by)}冲正" : "";
            rows.Add(
            [
                number[e.Id], FormText.Date(e.At), e.Reference, town, village, target?.Number ?? (e.TargetKind == PaymentTarget.PurchasedService ? "购买服务" : ""),
                target?.Name ?? "", payer.SourceZh, payer.AccountName, new Fen(amount), purpose, link, e.ByName,
            ]);
            var s = bySource.GetValueOrDefault(payer.Source);
            bySource[payer.Source] = reversal ? s with { Reversed = s.Reversed + 1, ReversedFen = s.ReversedFen + e.AmountFen }
                : s with { Paid = s.Paid + 1, PaidFen = s.PaidFen + e.AmountFen };
        }
        var net = bySource.Values.Sum(s => s.PaidFen - s.ReversedFen);
        var period = year is { } y ? $"{y}年1月1日至{y}年12月31日" : "全部年度";
        var perSource = bySource.OrderBy(x => x.Key).Select(x => $"{FundNames.Zh(x.Key)}{FormText.Yuan(x.Value.PaidFen - x.Value.ReversedFen)}元").ToList();
        string[] sign = ["经办人：                    复核人：                    财务负责人：", $"{unit}（盖章）                    制表日期：{FormText.Date(now)}"];
        var sheet = new TableSheet("资金发放台账", title, Columns, rows)
        {
            Lines = [$"填报单位：{unit}（盖章）    期间：{period}    发放{entries.Count(e => e.Kind == EntryKind.Payment)}笔，冲正{entries.Count(e => e.Kind == EntryKind.Reversal)}笔    单位：元"],
            Totals = ["合计", "", "", "", "", "", "", "", "", new Fen(net), "", "", ""],
            Footer = [$"按资金来源合计：{(perSource.Count == 0 ? "无" : string.Join("；", perSource))}", .. sign],
        };
        var sources = new TableSheet("按资金来源汇总", $"{title}（按资金来源汇总）", SourceColumns,
            bySource.OrderBy(x => x.Key).Select(x => (IReadOnlyList<object?>)
                [FundNames.Zh(x.Key), x.Value.Paid, new Fen(x.Value.PaidFen), x.Value.Reversed, new Fen(-x.Value.ReversedFen), new Fen(x.Value.PaidFen - x.Value.ReversedFen)]).ToList())
        {
            Lines = [$"填报单位：{unit}（盖章）    期间：{period}    单位：元"],
            Totals = ["合计", bySource.Values.Sum(s => s.Paid), new Fen(bySource.Values.Sum(s => s.PaidFen)), bySource.Values.Sum(s => s.Reversed),
                new Fen(-bySource.Values.Sum(s => s.ReversedFen)), new Fen(net)],
            Footer = sign,
            Landscape = false,
        };
        return Xlsx.Write(sheet, sources);
    }
}
