using System.Reflection;
using System.Text.RegularExpressions;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Guanjia.Domain.PolicyCatalogue;
using Xunit;

namespace Guanjia.Domain.Tests.Common;

/// <summary>
/// The transition tables run the process (issue 12): every row, fired, does exactly what it says — checks its From, sets its To,
/// meets its Meets, starts its Starts, sends its feedback, ends what is open — and nothing else in the code moves a state.
/// </summary>
public class WorkflowTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Records what a firing asked of the database side.</summary>
    private sealed class Recorder<T> : IWorkflowEffects<T>
    {
        public List<string> Met { get; } = [];
        public List<(string Obligation, DateTimeOffset From)> Started { get; } = [];
        public List<FeedbackKind> Sent { get; } = [];
        public List<string> Ended { get; } = [];
        public List<string> Audited { get; } = [];

        public Task MeetAsync(T subject, IReadOnlyList<string> obligations, Firing firing, CancellationToken ct)
        {
            Met.AddRange(obligations);
            return Task.CompletedTask;
        }

        public Task StartAsync(T subject, DeadlineStart<T> start, DateTimeOffset from, CancellationToken ct)
        {
            Started.Add((start.Obligation, from));
            return Task.CompletedTask;
        }

        public Task SendAsync(T subject, FeedbackKind kind, Firing firing, CancellationToken ct)
        {
            Sent.Add(kind);
            return Task.CompletedTask;
        }

        public Task EndAsync(T subject, string reason, CancellationToken ct)
        {
            Ended.Add(reason);
            return Task.CompletedTask;
        }

        public void Audit(string action, string? reason) => Audited.Add(action);
    }

    // Subjects in every combination the tables' conditions ask about; a row is fired on the first that satisfies it.
    private static IEnumerable<MicroProject> Projects() =>
        from small in new bool?[] { null, true, false }
        from route in new Route?[] { null, Route.Express, Route.Direct, Route.Station }
        from category in new ProjectCategory?[] { ProjectCategory.ConvenienceWorks, ProjectCategory.WelfareService }
        select new MicroProject
        {
            Id = Guid.NewGuid(), Number = "MS2026-000001", Name = "n", ScopePath = "/441900/", IsSmall = small, Route = route, Category = category,
            ConsultedAt = Now.AddDays(-3), PublicityTo = Now.AddDays(-1),
        };

    private static IEnumerable<MicroWish> Wishes() =>
        from route in new Route?[] { null, Route.Express, Route.Direct, Route.Station }
        from authentic in new bool?[] { null, true, false }
        select new MicroWish { Id = Guid.NewGuid(), Number = "MW2026-000001", Need = "n", ScopePath = "/441900/", Route = route, CheckAuthentic = authentic };

    private static IEnumerable<ClaimItem> Items() =>
        from subject in new[] { "MicroProject", "MicroWish" }
        from claimed in new long[] { 0, 500, 1000 }
        select new ClaimItem
        {
            Id = Guid.NewGuid(), Number = "ZD2026-00001", SubjectType = subject, SubjectRef = "x", ScopePath = "/441900/", Title = "t", Summary = "s",
            AmountFen = 1000, ClaimedFen = claimed,
        };

    private static IEnumerable<Appeal> Appeals() => [new() { Id = Guid.NewGuid(), TrackingNumber = "GJ", Title = "t", Description = "d", ScopePath = "/441900/" }];

    private static IEnumerable<Guanjia.Domain.Stations.ProcurementFiling> Filings() =>
        from opinion in new[] { null, "同意" }
        select new Guanjia.Domain.Stations.ProcurementFiling { Id = Guid.NewGuid(), ScopePath = "/441900/", SupplierName = "s", OpinionText = opinion };

    private static IEnumerable<Guanjia.Domain.Stations.InclusiveServiceReferral> StationReferrals() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/441900/", ResidentName = "n", ResidentPhone = "p", Need = "x" }];

    private static IEnumerable<Guanjia.Domain.CivilAffairs.CaseFile> CaseFiles() =>
        [new() { Id = Guid.NewGuid(), Number = "MZ2026000001", ScopePath = "/441900/", Name = "n", DocumentCipher = "c", DocumentHash = "h", DocumentMasked = "m", Address = "a" }];

    private static IEnumerable<Guanjia.Domain.CivilAffairs.CasePlan> CasePlans() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/441900/", Needs = "n", Goals = "g", CreatedByName = "w" }];

    private static IEnumerable<Guanjia.Domain.CivilAffairs.ResourceLink> Links() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/441900/", ProviderName = "p", Need = "n", ByName = "w" }];

    private static IEnumerable<Guanjia.Domain.CivilAffairs.TransferRequest> Transfers() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/441900/", FromName = "f", RequestedByName = "w", Reason = "r" }];

    private static IEnumerable<PolicyReferral> Referrals() =>
        [new() { Id = Guid.NewGuid(), SubjectType = "Appeal", SubjectRef = "GJ", ScopePath = "/441900/", Department = "d", Contact = "c" }];

    // 政府购买社区服务 (004): one subject each; their rows have no conditions.
    private static IEnumerable<Guanjia.Domain.Purchasing.ServiceContract> Contracts() =>
        [new() { Id = Guid.NewGuid(), Number = "GM2026-0001", ScopePath = "/340102/", IndicatorsJson = "[]", InspectionPlanJson = "[]", PenaltyClausesJson = "[]" }];

    private static IEnumerable<Guanjia.Domain.Purchasing.ContractInstalment> Instalments() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/340102/", Name = "首期" }];

    private static IEnumerable<Guanjia.Domain.Purchasing.ContractReport> Reports() => [new() { Id = Guid.NewGuid(), ScopePath = "/340102/" }];

    private static IEnumerable<Guanjia.Domain.Purchasing.ThirdPartyEvaluation> Evaluations() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/340102/", IndicatorsJson = "[]" }];

    private static IEnumerable<Guanjia.Domain.Purchasing.Rectification> Rectifications() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/340102/", Finding = "台账不全" }];

    // Incubation and the micro venture-philanthropy rounds (R-CA-10, R-PS-02; ADR 0035): one subject each; no conditions.
    private static IEnumerable<Guanjia.Domain.Purchasing.IncubatedOrganisation> Incubated() =>
        [new() { Id = Guid.NewGuid(), Name = "邻里互助会", ScopePath = "/340102/340102001/", ServedGroups = "EmptyNestElderly" }];

    private static IEnumerable<Guanjia.Domain.Purchasing.VentureRound> Rounds() =>
        [new() { Id = Guid.NewGuid(), Title = "微公益创投", ScopePath = "/340102/340102001/", CriteriaJson = "[]", PanelJson = "[]" }];

    private static IEnumerable<Guanjia.Domain.Purchasing.VentureApplication> VentureApplications() =>
        [new() { Id = Guid.NewGuid(), ScopePath = "/340102/340102001/", ApplicantName = "楼栋团队", ProjectName = "楼道微治理", Summary = "s" }];

    public static TheoryData<string, int> EveryRow()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in WorkflowCatalog.All)
            for (var i = 0; i < e.Rows.Count; i++) data.Add(e.Name, i);
        return data;
    }

    [Theory, MemberData(nameof(EveryRow))]
    public Task Each_row_fired_does_what_the_table_says(string workflow, int row) => workflow switch
    {
        "Appeal" => Fire(AppealWorkflow.Workflow, row, Appeals, (a, s) => a.State = s),
        "MicroProject" => Fire(ProjectWorkflow.Workflow, row, Projects, (p, s) => p.State = s),
        "MicroWish" => Fire(WishWorkflow.Workflow, row, Wishes, (w, s) => w.State = s),
        "ClaimItem" => Fire(ClaimBoardWorkflow.Workflow, row, Items, (i, s) => i.State = s),
        "PolicyReferral" => Fire(PolicyReferralWorkflow.Workflow, row, Referrals, (r, s) => r.State = s),
        "ProcurementFiling" => Fire(Guanjia.Domain.Stations.ProcurementWorkflow.Workflow, row, Filings, (f, s) => f.State = s),
        "InclusiveServiceReferral" => Fire(Guanjia.Domain.Stations.InclusiveReferralWorkflow.Workflow, row, StationReferrals, (r, s) => r.State = s),
        // R-PS-05, R-PS-06, R-PS-08, R-CA-12: the purchase's contracts, instalments, reports, evaluations and rectifications.
        "ServiceContract" => Fire(Guanjia.Domain.Purchasing.PurchasingWorkflows.Contract, row, Contracts, (c, s) => c.State = s),
        "ContractInstalment" => Fire(Guanjia.Domain.Purchasing.PurchasingWorkflows.Instalment, row, Instalments, (i, s) => i.State = s),
        "ContractReport" => Fire(Guanjia.Domain.Purchasing.PurchasingWorkflows.Report, row, Reports, (r, s) => r.State = s),
        "ThirdPartyEvaluation" => Fire(Guanjia.Domain.Purchasing.PurchasingWorkflows.Evaluation, row, Evaluations, (e, s) => e.State = s),
        "Rectification" => Fire(Guanjia.Domain.Purchasing.PurchasingWorkflows.Rectification, row, Rectifications, (r, s) => r.State = s),
        "IncubatedOrganisation" => Fire(Guanjia.Domain.Purchasing.VentureWorkflows.Incubation, row, Incubated, (o, s) => o.State = s),
        "VentureRound" => Fire(Guanjia.Domain.Purchasing.VentureWorkflows.Round, row, Rounds, (r, s) => r.State = s),
        "VentureApplication" => Fire(Guanjia.Domain.Purchasing.VentureWorkflows.Application, row, VentureApplications, (a, s) => a.State = s),
        "CaseFile" => Fire(Guanjia.Domain.CivilAffairs.CaseFileWorkflow.Workflow, row, CaseFiles, (f, s) => f.Status = s),
        "CasePlan" => Fire(Guanjia.Domain.CivilAffairs.CasePlanWorkflow.Workflow, row, CasePlans, (p, s) => p.State = s),
        "ResourceLink" => Fire(Guanjia.Domain.CivilAffairs.ResourceLinkWorkflow.Workflow, row, Links, (l, s) => l.State = s),
        "TransferRequest" => Fire(Guanjia.Domain.CivilAffairs.TransferRequestWorkflow.Workflow, row, Transfers, (t, s) => t.State = s),
        _ => throw new InvalidOperationException(workflow),
    };

    private static async Task Fire<T, TState>(Workflow<T, TState> w, int index, Func<IEnumerable<T>> subjects, Action<T, TState> put)
        where TState : struct, Enum
    {
        var row = w.Table[index];
        foreach (var from in row.From)
        {
            var subject = subjects().FirstOrDefault(x => { put(x, from); return row.Applies(x, from); });
            Assert.True(subject is not null, $"{w.Name}.{row.AuditAction}: no subject satisfies its conditions from {from}");
            put(subject!, from);
            var fx = new Recorder<T>();
            await w.FireAsync(subject!, row, new Firing(Now, Now.AddHours(-1)), fx, CancellationToken.None);
            Assert.Equal(row.To, w.StateOf(subject!));
            Assert.Equal(row.Meets, fx.Met);
            Assert.Equal(row.Starts.Where(s => s.When?.Holds(subject!) ?? true).Select(s => s.Obligation), fx.Started.Select(s => s.Obligation));
            Assert.Equal(row.Sends is { } k ? [k] : [], fx.Sent);
            Assert.Equal(row.Ends is { } r ? [r] : [], fx.Ended);
            Assert.Equal([row.AuditAction], fx.Audited);
        }
        // From any other state the row does not fire, and nothing happens.
        foreach (var other in Enum.GetValues<TState>().Where(s => !row.From.Contains(s)))
        {
            var subject = subjects().First();
            put(subject, other);
            var fx = new Recorder<T>();
            await Assert.ThrowsAsync<Conflict>(() => w.FireAsync(subject, row, new Firing(Now), fx, CancellationToken.None));
            Assert.Equal(other, w.StateOf(subject));
            Assert.Empty(fx.Met);
            Assert.Empty(fx.Started);
            Assert.Empty(fx.Sent);
        }
    }

    [Fact]
    public void R_PL_08_every_deadline_a_row_starts_is_met_by_a_row()
    {
        var rows = WorkflowCatalog.All.SelectMany(e => e.Rows).ToList();
        var met = rows.SelectMany(r => r.Meets).ToHashSet();
        Assert.All(rows.SelectMany(r => r.Starts).Select(s => s.Obligation).Distinct(), o => Assert.Contains(o, met));
        Assert.All(Obligations.All.Values, o => Assert.Matches("^R-(MS|IN|PL|MW|RT|ST|CA|PS)-\\d\\d$", o.RuleId));
    }

    [Fact]
    public void Every_state_is_reachable_and_every_open_state_has_a_way_on()
    {
        foreach (var e in WorkflowCatalog.All)
        {
            var reached = new HashSet<string> { "New" };
            var frontier = new Queue<string>(reached);
            while (frontier.Count > 0)
            {
                var state = frontier.Dequeue();
                foreach (var r in e.Rows.Where(r => r.From.Contains(state)))
                    if (reached.Add(r.To)) frontier.Enqueue(r.To);
            }
            var all = e.Rows.SelectMany(r => r.From.Append(r.To)).ToHashSet();
            Assert.True(all.SetEquals(reached), $"{e.Name}: unreachable {string.Join(", ", all.Except(reached))}");
            foreach (var s in all.Except(e.Terminal).Where(s => s != "New"))
                Assert.True(e.Rows.Any(r => r.From.Contains(s) && r.To != s), $"{e.Name}: {s} is not terminal but has no way on");
        }
    }

    /// <summary>The states' setters are not public: a use case cannot assign a state, it can only fire a row.</summary>
    [Fact]
    public void No_workflow_state_has_a_public_setter()
    {
        Type[] subjects = [typeof(Appeal), typeof(MicroProject), typeof(MicroWish), typeof(ClaimItem), typeof(PolicyReferral),
            typeof(Guanjia.Domain.Stations.ProcurementFiling), typeof(Guanjia.Domain.Stations.InclusiveServiceReferral),
            typeof(Guanjia.Domain.Purchasing.ServiceContract), typeof(Guanjia.Domain.Purchasing.ContractInstalment), typeof(Guanjia.Domain.Purchasing.ContractReport),
            typeof(Guanjia.Domain.Purchasing.ThirdPartyEvaluation), typeof(Guanjia.Domain.Purchasing.Rectification),
            typeof(Guanjia.Domain.CivilAffairs.CaseFile), typeof(Guanjia.Domain.CivilAffairs.CasePlan), typeof(Guanjia.Domain.CivilAffairs.ResourceLink),
            typeof(Guanjia.Domain.CivilAffairs.TransferRequest)];
        foreach (var t in subjects)
        {
            // A casework file's state is its Status (in care, died, left care, transferred out).
            var state = (t.GetProperty("State", BindingFlags.Public | BindingFlags.Instance) ?? t.GetProperty("Status", BindingFlags.Public | BindingFlags.Instance))!;
            Assert.False(state.SetMethod?.IsPublic ?? false, $"{t.Name}.State has a public setter");
        }
    }

    /// <summary>
    /// Outside the domain the compiler refuses an assignment (the setters are internal); inside it, the only assignments of a
    /// workflow state are the setters each table is given.
    /// </summary>
    [Fact]
    public void No_code_outside_the_tables_assigns_a_state()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Guanjia.slnx"))) root = Path.GetDirectoryName(root)!;
        var assign = new Regex(@"\.(State|Status)\s*=[^=>]|\b(State|Status)\s*=\s*\w+(State|Status)\.");
        var table = new Regex(@"new\(""\w+"", \w+ => \w+\.(State|Status), \(\w+, s\) => \w+\.(State|Status) = s, \w*Table\)");
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Guanjia.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => assign.IsMatch(x.line) && !table.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(offenders.Count == 0, "States assigned outside the tables:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_workflow_document_is_generated_from_the_tables()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Guanjia.slnx"))) root = Path.GetDirectoryName(root)!;
        var path = Path.Combine(root, "docs", "workflow.md");
        var expected = WorkflowCatalog.ToMarkdown();
        if (Environment.GetEnvironmentVariable("GUANJIA_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/workflow.md is missing: run with GUANJIA_WRITE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }
}
