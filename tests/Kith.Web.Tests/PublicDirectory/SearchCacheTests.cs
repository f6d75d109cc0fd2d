using System.Net;
using System.Text;
using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Platform.Postcodes;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.PublicDirectory;

/// <summary>
/// The search API keeps postcodes and taxonomy terms in memory so most searches never touch the database. What is
/// added to the database after a search must still be found by the next one.
/// </summary>
public class SearchCacheTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    private const string Header =
        "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,pcon,ttwa,lsoa21,msoa21,lat,long,imd";

    [Fact]
    public async Task A_postcode_imported_after_a_search_for_it_is_found_by_the_next_search()
    {
        using var client = factory.CreateClient();
        var before = await client.GetAsync("/api/v1/assets?postcode=QX7+1AB");
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("We could not find QX7 1AB", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var known = await client.GetAsync("/api/v1/assets?postcode=QX8+1AB");
        Assert.Equal(HttpStatusCode.BadRequest, known.StatusCode);

        await ImportAsync(
            "QX7 1AB,QX7  1AB,QX7 1AB,200001,,E99999999,E99999999,E09999999,E05999001,E43999999,0,394980,425044,1,E18999999,E40999999,E92000001,E12999999,E14999999,E30999999,E01999147,E0299910,53.700400,-2.200300,100",
            "QX8 1AB,QX8  1AB,QX8 1AB,200001,,E99999999,E99999999,E09999999,E05999001,E43999999,0,394980,425044,1,E18999999,E40999999,E92000001,E12999999,E14999999,E30999999,E01999147,E0299910,53.710400,-2.200300,100");

        var after = await client.GetAsync("/api/v1/assets?postcode=QX7+1AB");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("notes").EnumerateArray());

        // Looked up (and cached) before the import as not found; found now, and again from the cache.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/assets?postcode=QX8+1AB")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/assets?postcode=qx81ab")).StatusCode);
    }

    [Fact]
    public async Task A_taxonomy_term_added_after_a_search_for_it_is_found_by_the_next_search()
    {
        using var client = factory.CreateClient();
        var before = await client.GetAsync("/api/v1/assets?what=kite-flying");
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("We do not know the activity", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
            if (!await db.Taxonomies.AnyAsync(t => t.Id == KithTaxonomies.What))
            {
                db.Taxonomies.Add(new Taxonomy { Id = KithTaxonomies.What, Name = "What", Description = "Activities" });
            }

            db.TaxonomyTerms.Add(new TaxonomyTerm { Id = id, TaxonomyId = KithTaxonomies.What, Code = "kite-flying", Name = "Kite flying", Description = "Kites" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/assets?what=kite-flying")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/assets?what=KITE-FLYING")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/assets?what={id}")).StatusCode);
        var wrongTaxonomy = await client.GetAsync("/api/v1/assets?who=kite-flying");
        Assert.Equal(HttpStatusCode.BadRequest, wrongTaxonomy.StatusCode);
    }

    private async Task ImportAsync(params string[] rows)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n"));
        var result = await new PostcodeImporter(db).ImportAsync(csv, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }
}
