using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Surveys;
using Xunit;

namespace Guanjia.Domain.Tests.MicroProjects;

/// <summary>The transition table itself: complete, consistent, and what docs/workflow.md shows.</summary>
public class ProjectWorkflowTests
{
    [Fact]
    public void Every_state_is_reachable_and_every_open_state_has_a_way_on()
    {
        var reached = new HashSet<ProjectState> { ProjectState.AwaitingConsultation };
        var frontier = new Queue<ProjectState>(reached);
        while (frontier.Count > 0)
        {
            var state = frontier.Dequeue();
            foreach (var t in ProjectWorkflow.Table.Where(t => t.From.Contains(state)))
                foreach (var to in t.To.Where(reached.Add))
                    frontier.Enqueue(to);
        }
        Assert.Equal(Enum.GetValues<ProjectState>().ToHashSet(), reached);
        foreach (var s in Enum.GetValues<ProjectState>().Where(s => !ProjectWorkflow.IsTerminal(s)))
            Assert.Contains(ProjectWorkflow.Table, t => t.From.Contains(s) && t.To.Any(to => to != s));
    }

    [Fact]
    public void R_MS_07_small_and_large_projects_take_different_rows()
    {
        Assert.Equal([ProjectState.AwaitingPublicity], ProjectWorkflow.Find("FileRegistration", ProjectState.Consulted, true)!.To);
        Assert.Equal([ProjectState.TownReview], ProjectWorkflow.Find("FileRegistration", ProjectState.Consulted, false)!.To);
        Assert.Null(ProjectWorkflow.Find("Review", ProjectState.TownReview, true));
        // R-MS-14: the village surveys a small project, the town a large one.
        Assert.Equal(Permissions.ProjectsVillage, ProjectWorkflow.Find("RecordSurveyResponse", ProjectState.Completed, true)!.Permission);
        Assert.Equal(Permissions.ProjectsTown, ProjectWorkflow.Find("RecordSurveyResponse", ProjectState.AwaitingSurvey, false)!.Permission);
        Assert.Null(ProjectWorkflow.Find("RecordSurveyResponse", ProjectState.Completed, false));
    }

    [Fact]
    public void R_PL_08_every_deadline_a_row_starts_is_met_by_a_later_row()
    {
        var started = ProjectWorkflow.Table.SelectMany(t => t.Starts).Distinct();
        var met = ProjectWorkflow.Table.SelectMany(t => t.Meets).Concat(AppealWorkflow.Steps.SelectMany(s => s.Meets))
            .Concat(Guanjia.Domain.MicroWishes.WishWorkflow.Table.SelectMany(t => t.Meets))
            .Concat(Guanjia.Domain.Claims.ClaimBoardWorkflow.Table.SelectMany(t => t.Meets)).ToHashSet();
        Assert.All(Guanjia.Domain.MicroWishes.WishWorkflow.Table.SelectMany(t => t.Starts), o => Assert.Contains(o, met));
        Assert.All(started, o => Assert.Contains(o, met));
        Assert.All(Obligations.All.Values, o => Assert.Matches("^R-(MS|IN|PL|MW|RT|ST|CA|PS)-\\d\\d$", o.RuleId));
    }

    [Fact]
    public void The_workflow_document_is_generated_from_the_table()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Guanjia.slnx"))) root = Path.GetDirectoryName(root)!;
        var path = Path.Combine(root, "docs", "workflow.md");
        var expected = ProjectWorkflow.ToMarkdown();
        if (Environment.GetEnvironmentVariable("GUANJIA_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/workflow.md is missing: run with GUANJIA_WRITE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void R_PL_06_templates_fill_known_placeholders_and_flag_unknown_ones()
    {
        var text = FeedbackTemplate.Render(FeedbackTemplate.Defaults[FeedbackKind.Receipt],
            new Dictionary<string, string?> { ["trackingNumber"] = "GJ261123ABCDEF", ["village"] = "主山社区" });
        Assert.Contains("GJ261123ABCDEF", text);
        Assert.Contains("主山社区", text);
        Assert.DoesNotContain("{", text);
        Assert.Equal(["nmae"], FeedbackTemplate.UnknownPlaceholders("您好{nmae}，编号{trackingNumber}").ToList());
        Assert.All(FeedbackTemplate.Defaults.Values, t => Assert.Empty(FeedbackTemplate.UnknownPlaceholders(t)));
        Assert.Equal(Enum.GetValues<FeedbackKind>().Length, FeedbackTemplate.Defaults.Count);
    }

    [Fact]
    public void R_PL_07_masking_hides_phones_ids_and_house_numbers()
    {
        Assert.Equal("138****5678", Masking.Phone("13812345678"));
        Assert.Equal("陈**", Masking.Name("陈大文"));
        Assert.Equal("主山社区新村路****", Masking.Address("主山社区新村路18号"));
        var text = Masking.FreeText("联系陈先生13812345678，身份证441900199001011234");
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("441900199001011234", text);
        Assert.Contains("138****5678", text);

        var published = Masking.Published("为陈大文家门口（新村路18号）修路，联系13812345678", "陈大文", "13812345678", "新村路18号");
        Assert.DoesNotContain("陈大文", published);
        Assert.DoesNotContain("新村路18号", published);
        Assert.DoesNotContain("13812345678", published);
        Assert.Contains("修路", published);
    }

    [Fact]
    public void R_MS_14_summary_counts_levels_per_aspect_and_the_satisfied_share()
    {
        SurveyResponse R(SatisfactionLevel l) => new()
        {
            ScopePath = "/", Overall = l, Quality = l, Effect = l, Attitude = l, Efficiency = l, Closeness = l, Openness = l,
        };
        var responses = Enumerable.Range(0, 30).Select(i => R(i < 24 ? SatisfactionLevel.VerySatisfied : i < 27 ? SatisfactionLevel.FairlySatisfied : SatisfactionLevel.Dissatisfied)).ToList();
        var s = SurveySummary.From(responses, 30);
        Assert.True(s.MinimumMet);
        Assert.Equal([24, 0, 3, 3, 0], s.Distribution["overall"]);
        Assert.Equal(90.0m, s.SatisfactionRate);
        Assert.False(SurveySummary.From(responses.Take(29).ToList(), 30).MinimumMet);
    }

    [Fact]
    public void R_PL_09_petition_is_a_channel_only_to_be_refused_and_feedback_returns_by_origin()
    {
        Assert.Equal(DeliveryChannel.Hotline12345, Channels.DeliveryFor(Channel.Hotline12345));
        Assert.Equal(DeliveryChannel.Hotline12345, Channels.DeliveryFor(Channel.HotlinePortal));
        Assert.Equal(DeliveryChannel.WeChat, Channels.DeliveryFor(Channel.WeChatAccount));
        Assert.Equal(DeliveryChannel.Sms, Channels.DeliveryFor(Channel.GridWorker));
        Assert.Equal(ChannelLevel.City, Channels.LevelOf(Channel.CitizenServiceCentre));
        Assert.Equal(ChannelLevel.Town, Channels.LevelOf(Channel.StationedCadre));
        Assert.Equal(ChannelLevel.Village, Channels.LevelOf(Channel.SuggestionBox));
    }
}
