using Kith.Core.Data;
using Kith.Core.People.Records;
using Kith.Web.People.Records;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.People.Records;

/// <summary>The demo area's 40 fictional people are the demo practitioner's caseload.</summary>
public sealed class DemoPeopleTests
{
    [Fact]
    public async Task The_demo_practitioner_works_with_forty_people_with_full_records()
    {
        await using var factory = new KithWebFactory { SeedDemoArea = true };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        var practitioner = await db.Users.SingleAsync(u => u.Email == "practitioner@demo.kith.invalid");

        var caseload = await scope.ServiceProvider.GetRequiredService<CaseloadQuery>().GetAsync(practitioner.Id, null, CaseloadFilter.All, 1);

        Assert.Equal(40, caseload.Total);
        Assert.All(caseload.Rows, r => Assert.NotNull(r.ComeBackOn));
        Assert.True(await db.Teams.AnyAsync(t => t.Name == DemoPeopleSeeder.TeamName && t.Members.Any(m => m.IsManager)));
        Assert.True(await db.NetworkTies.AnyAsync(t => t.CommunityAssetId != null));
        Assert.True(await db.CheckIns.AllAsync(c => c.InstrumentKey == "ons4" && c.Answers.Count == 4));
        Assert.InRange(await db.Strengths.CountAsync(), 40 * 3, 40 * 8);
    }
}
