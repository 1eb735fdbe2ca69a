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

/// <summary>Templates, masking and survey summaries of the micro-project process (the tables themselves: WorkflowTableTests).</summary>
public class ProjectWorkflowTests
{
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
