using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guanjia.App.Common;
using Guanjia.App.Deadlines;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Programme;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guanjia.Web.Tests.Calendar;

/// <summary>
/// R-PL-01 across releases (ADR 0021): a year a new release ships reaches an existing database on its next start, a year
/// the city edited is kept, every year says which notice it comes from, and a deadline counted in working days across a
/// year whose notice is not loaded yet says so. Each test runs its own hosts on one database of its own, restarted.
/// </summary>
[Collection(ApiCollection.Name)]
public class CalendarReleaseTests
{
    /// <summary>Monday 28 December 2026, 10:00 in Beijing: five working days from here end in 2027.</summary>
    private static readonly DateTimeOffset YearEnd = new(2026, 12, 28, 10, 0, 0, TimeSpan.FromHours(8));

    // R-PL-01: restart on an existing database with a release that ships 2027 and a corrected 2025; the city had edited 2025.
    [Theory, BothDatabases]
    public async Task R_PL_01_a_newly_shipped_year_reaches_an_existing_database_on_restart_and_an_edited_year_is_kept(Db db)
    {
        var cs = NewDatabase(db);
        try
        {
            using (var first = new ReleaseHost(db, cs, OfficialCalendar.Shipped, YearEnd))
            {
                var anon = first.Anonymous();
                Assert.False((await anon.GetJson("/api/calendar/years/2027")).GetProperty("officialDataLoaded").GetBoolean());
                var y2026 = (await anon.GetJson("/api/calendar/years/2026")).GetProperty("provenance");
                Assert.Equal("国办发明电〔2025〕7号", y2026.Str("notice"));
                Assert.Equal("2025-11-04", y2026.Str("noticeIssuedOn"));
                Assert.Equal("Shipped", y2026.Str("source"));
                Assert.False(y2026.GetProperty("editedLocally").GetBoolean());

                var city = await first.SignIn("city.admin");
                await city.PutJson("/api/calendar/days/2025-12-31", new { kind = "Holiday", name = "本地调整", reason = "市里临时安排" }, HttpStatusCode.OK);
                var edited = (await city.GetJson("/api/calendar/years/2025")).GetProperty("provenance");
                Assert.True(edited.GetProperty("editedLocally").GetBoolean());
                Assert.Equal("city.admin", edited.Str("editedBy"));
                Assert.Equal("Edited", edited.Str("source"));
            }

            using var next = new ReleaseHost(db, cs, NextRelease(), YearEnd);
            var client = next.Anonymous();
            var y2027 = await client.GetJson("/api/calendar/years/2027");
            Assert.True(y2027.GetProperty("officialDataLoaded").GetBoolean());
            Assert.Equal("测试〔2026〕1号", y2027.GetProperty("provenance").Str("notice"));
            Assert.Equal("2026-11-20", y2027.GetProperty("provenance").Str("noticeIssuedOn"));
            Assert.False((await client.GetJson("/api/calendar/days/2027-01-01")).GetProperty("isWorkingDay").GetBoolean());
            Assert.True((await client.GetJson("/api/calendar/days/2027-01-09")).GetProperty("isWorkingDay").GetBoolean()); // a make-up Saturday

            // 2025 was edited: the city's day stays, the release's correction does not land, and the page can say so.
            var kept = (await client.GetJson("/api/calendar/years/2025")).GetProperty("provenance");
            Assert.True(kept.GetProperty("editedLocally").GetBoolean());
            Assert.True(kept.GetProperty("shippedDiffers").GetBoolean());
            Assert.Equal("Holiday", (await client.GetJson("/api/calendar/days/2025-12-31")).Str("kind"));
            Assert.Equal("元旦", (await client.GetJson("/api/calendar/days/2025-01-01")).Str("name"));

            // The city may take the release's arrangement back; the edit mark goes and the next release applies again.
            var city2 = await next.SignIn("city.admin");
            var restored = await city2.PostJson("/api/calendar/years/2025/restore-official", new { reason = "采用新版本随附的通知" }, HttpStatusCode.OK);
            Assert.False(restored.GetProperty("provenance").GetProperty("editedLocally").GetBoolean());
            Assert.Equal("Shipped", restored.GetProperty("provenance").Str("source"));
            Assert.Equal("元旦（更正）", (await client.GetJson("/api/calendar/days/2025-01-01")).Str("name"));
            Assert.Null((await client.GetJson("/api/calendar/days/2025-12-31")).GetProperty("kind").GetString());
            var years = await client.GetJson("/api/calendar/years");
            Assert.Contains(years.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2027 && y.Str("source") == "Shipped");
        }
        finally
        {
            DropDatabase(db, cs);
        }
    }

    // R-PL-01, fake clock across the year end: before 2027's notice a deadline counted in working days into 2027 says its
    // working days are provisional (hours and calendar days never are); after a release ships 2027, a new one counts its holidays.
    [Theory, BothDatabases]
    public async Task R_PL_01_a_working_day_deadline_in_a_year_without_its_notice_is_provisional(Db db)
    {
        var cs = NewDatabase(db);
        try
        {
            string appealA;
            using (var first = new ReleaseHost(db, cs, OfficialCalendar.Shipped, YearEnd))
            {
                var village = await first.SignIn("dongcheng.village");
                appealA = await AppealAsync(first, village);
                await StartTownReviewAsync(first, appealA);
                var deadlines = (await village.GetJson($"/api/appeals/{appealA}")).GetProperty("deadlines").EnumerateArray().ToList();
                var review = deadlines.Single(d => d.Str("obligation") == Obligations.TownReview);
                Assert.True(review.GetProperty("workingDaysProvisional").GetBoolean());
                // Weekends only in 2027: Tue 29, Wed 30, Thu 31 December, Fri 1 and Mon 4 January.
                Assert.Equal(new DateTimeOffset(2027, 1, 4, 23, 59, 59, TimeSpan.FromHours(8)), review.GetProperty("dueAt").GetDateTimeOffset());
                Assert.All(deadlines.Where(d => d.Str("obligation") != Obligations.TownReview),
                    d => Assert.False(d.GetProperty("workingDaysProvisional").GetBoolean())); // 24 hours, 5 calendar days
                var listed = await village.GetJson($"/api/deadlines?subjectId={appealA}&status=All");
                Assert.Contains(listed.GetProperty("items").EnumerateArray(),
                    d => d.Str("obligation") == Obligations.TownReview && d.GetProperty("workingDaysProvisional").GetBoolean());
                Assert.True((await village.GetJson("/api/calendar/add?from=2026-12-28&days=5")).GetProperty("workingDaysProvisional").GetBoolean());
                Assert.False((await village.GetJson("/api/calendar/add?from=2026-12-01&days=5")).GetProperty("workingDaysProvisional").GetBoolean());

                // Still December 2026, one deadline inside the year: counted with its notice.
                first.Clock.Set(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));
                var inYear = await AppealAsync(first, await first.SignIn("dongcheng.village"));
                await StartTownReviewAsync(first, inYear);
                var d2 = (await (await first.SignIn("dongcheng.village")).GetJson($"/api/appeals/{inYear}")).GetProperty("deadlines")
                    .EnumerateArray().Single(d => d.Str("obligation") == Obligations.TownReview);
                Assert.False(d2.GetProperty("workingDaysProvisional").GetBoolean());
            }

            using var next = new ReleaseHost(db, cs, NextRelease(), YearEnd);
            var v = await next.SignIn("dongcheng.village");
            var appealB = await AppealAsync(next, v);
            await StartTownReviewAsync(next, appealB);
            var b = (await v.GetJson($"/api/appeals/{appealB}")).GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == Obligations.TownReview);
            Assert.False(b.GetProperty("workingDaysProvisional").GetBoolean());
            // 2027-01-01 is a holiday now: Tue 29, Wed 30, Thu 31, Mon 4, Tue 5.
            Assert.Equal(new DateTimeOffset(2027, 1, 5, 23, 59, 59, TimeSpan.FromHours(8)), b.GetProperty("dueAt").GetDateTimeOffset());
            // The earlier one keeps its due time and says how it was counted.
            var a = (await v.GetJson($"/api/appeals/{appealA}")).GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == Obligations.TownReview);
            Assert.True(a.GetProperty("workingDaysProvisional").GetBoolean());
        }
        finally
        {
            DropDatabase(db, cs);
        }
    }

    /// <summary>The shipped notices plus a 2027 one (test data, not a real notice) and a correction of 2025.</summary>
    private static OfficialCalendarData NextRelease()
    {
        var asm = typeof(OfficialCalendar).Assembly;
        using var s = asm.GetManifestResourceStream(asm.GetManifestResourceNames().Single(n => n.EndsWith(OfficialCalendar.ResourceName, StringComparison.Ordinal)))!;
        var json = JsonNode.Parse(s)!;
        json["years"]!["2027"] = JsonNode.Parse("""
            {
              "notice": "测试〔2026〕1号", "issued": "2026-11-20",
              "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
              "makeUpWorkdays": [ { "name": "元旦", "date": "2027-01-09" } ]
            }
            """);
        json["years"]!["2025"]!["holidays"]![0]!["name"] = "元旦（更正）";
        return OfficialCalendar.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }

    private static async Task<string> AppealAsync(ReleaseHost host, HttpClient village)
    {
        var me = await village.GetJson("/api/auth/me");
        var appeal = await village.PostJson("/api/appeals", new
        {
            channel = "GridWorker", title = "年末路灯检修", description = "路灯不亮", villageId = me.Str("organizationId"), appellantPhone = Flow.Phone(),
        }, HttpStatusCode.Created);
        return appeal.Str("id");
    }

    /// <summary>A working-days deadline (5, R-MS-08's unit) on the appeal, started the way every workflow starts one.</summary>
    private static async Task StartTownReviewAsync(ReleaseHost host, string appealId)
    {
        using var scope = host.Services.CreateScope();
        var db = host.NewDb(scope, Actor.System);
        var appeal = await db.Appeals.FindAsync(Guid.Parse(appealId));
        var book = scope.ServiceProvider.GetRequiredService<DeadlineBook>();
        await book.StartAsync(db, ProgrammeRuleSet.Dongguan, Obligations.TownReview,
            new DeadlineBook.Subject("Appeal", appeal!.Id, appeal.TrackingNumber, appeal.ScopePath), appeal.TownId, host.Clock.GetUtcNow(),
            new TimeLimit(5, TimeUnit.WorkingDays), default);
        await db.Audit("TestDeadline").SaveChangesAsync();
    }

    private static string NewDatabase(Db db) => db == Db.Postgres ? Databases.CreatePostgresDatabase("release") : Databases.NewSqliteFile("release");

    private static void DropDatabase(Db db, string cs)
    {
        if (db == Db.Postgres) Databases.DropPostgresDatabase(cs);
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    /// <summary>The real host on the given database, shipping the given notices, its clock at the given time.</summary>
    private sealed class ReleaseHost : TestHost
    {
        private readonly string _cs;
        private readonly OfficialCalendarData _shipped;

        public ReleaseHost(Db db, string cs, OfficialCalendarData shipped, DateTimeOffset now) : base(db)
        {
            (_cs, _shipped) = (cs, shipped);
            Clock.Set(now);
            _ = Server; // start: migrate, apply the shipped calendar, seed
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Guanjia", _cs);
            builder.ConfigureServices(s =>
            {
                s.RemoveAll<OfficialCalendarData>();
                s.AddSingleton(_shipped);
            });
        }
    }
}
