using Guanjia.Domain.Auditing;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Tests.Auditing;

/// <summary>R-PL-04: the hash chain notices any changed, removed or reordered entry.</summary>
public class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var prev = AuditChain.Genesis;
        var list = new List<AuditEntry>();
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry
            {
                Seq = i, At = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), ActorName = "u" + i, EntityType = "User",
                EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = "Update", After = "{\"x\":" + i + "}", ScopePath = "/1/", PrevHash = prev,
            };
            e.Hash = AuditChain.ComputeHash(e);
            prev = e.Hash;
            list.Add(e);
        }
        return list;
    }

    private static long? Verify(IEnumerable<AuditEntry> entries)
    {
        var prev = AuditChain.Genesis;
        long seq = 1;
        return AuditChain.FirstBreak(entries, ref prev, ref seq);
    }

    [Fact]
    public void R_PL_04_an_intact_chain_verifies() => Assert.Null(Verify(Chain(20)));

    [Theory]
    [InlineData("after")]
    [InlineData("reason")]
    [InlineData("actor")]
    [InlineData("time")]
    public void R_PL_04_any_edited_field_breaks_the_chain_at_that_entry(string field)
    {
        var chain = Chain(10);
        var e = chain[6];
        switch (field)
        {
            case "after": e.After = "{\"x\":999}"; break;
            case "reason": e.Reason = "后来补的理由"; break;
            case "actor": e.ActorName = "someone-else"; break;
            case "time": e.At = e.At.AddSeconds(1); break;
        }
        Assert.Equal(7, Verify(chain));
    }

    [Fact]
    public void R_PL_04_a_deleted_entry_breaks_the_chain_at_the_gap()
    {
        var chain = Chain(10);
        chain.RemoveAt(3);
        Assert.Equal(4, Verify(chain));
    }

    [Fact]
    public void R_PL_04_a_rehashed_forgery_still_breaks_at_the_next_entry()
    {
        var chain = Chain(10);
        chain[4].After = "{\"x\":-1}";
        chain[4].Hash = AuditChain.ComputeHash(chain[4]); // the forger recomputes this entry's hash
        Assert.Equal(6, Verify(chain));
    }

    [Fact]
    public void Masking_hides_personal_data_for_public_output()
    {
        Assert.Equal("138****5678", Masking.Phone("13812345678"));
        Assert.Equal("张**", Masking.Name("张三丰"));
        Assert.Equal("", Masking.Phone(null));
    }
}
