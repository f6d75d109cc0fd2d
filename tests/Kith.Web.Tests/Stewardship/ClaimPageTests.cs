using System.Net;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Editing;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Stewardship;

public class ClaimPageTests(StewardshipWebFactory factory) : IClassFixture<StewardshipWebFactory>
{
    [Fact]
    public async Task An_organisation_claims_its_listings_an_administrator_approves_and_the_listing_shows_the_badge()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Orchard Gardeners");
        var email = $"jo-{Guid.NewGuid():N}@orchard.example";
        using var visitor = factory.CreateClient();
        var url = $"/assets/{assetId}/claim";
        var empty = await visitor.PostAsync(url, ("Input.Name", ""), ("Input.Email", "jo at orchard"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Response.StatusCode);
        Assert.Equal(["Enter your full name", "Enter your email address in the correct format, like name@example.org", "Enter your role at the organisation", "Tell us how we can check that you work or volunteer there"], empty.Errors);

        (string, string)[] claim = [("Input.Name", "Jo Orchard"), ("Input.Email", email), ("Input.Role", "Chair"), ("Input.Evidence", "Ring 01632 960000 and ask for Jo.")];
        Assert.Equal("/assets/claim-sent", (await visitor.PostAsync(url, claim)).Path);
        var again = await visitor.PostAsync(url, claim);
        Assert.Equal("/assets/claim-sent", again.Path);
        Assert.Contains("We already have your claim", again.Text, StringComparison.Ordinal);
        var claimId = await factory.WithDbAsync(async db => (await db.Set<ListingClaim>().AsNoTracking().ToListAsync()).Single(c => c.ClaimantEmail == email).Id);

        // A community editor can edit listings but not decide claims.
        using var editor = factory.CreateClient();
        await editor.SignInAsync(await factory.CreateUserAsync(KithRoles.CommunityEditor, withTwoFactor: false));
        Assert.Equal("/account/access-denied", (await editor.GetPageAsync($"/admin/claims/{claimId}")).Path);
        var sneaky = await editor.PostAsync("/manage/moderation", [], $"/admin/claims/{claimId}?handler=approve");
        Assert.Equal("/account/access-denied", sneaky.Path);
        Assert.Equal(ClaimStatus.Pending, await factory.WithDbAsync(db => db.Set<ListingClaim>().Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));

        using var admin = factory.CreateClient();
        await admin.SignInAsync(await factory.CreateUserAsync(KithRoles.Administrator));
        var queue = await admin.GetPageAsync("/admin/claims");
        Assert.NotNull(queue.Document.QuerySelector($"a[href='/admin/claims/{claimId}']"));
        Assert.DoesNotContain(email, queue.Text, StringComparison.Ordinal);
        var detail = await admin.GetPageAsync($"/admin/claims/{claimId}");
        Assert.Contains("Ring 01632 960000 and ask for Jo.", detail.Text, StringComparison.Ordinal);
        var approved = await admin.PostAsync($"/admin/claims/{claimId}", [], $"/admin/claims/{claimId}?handler=approve");
        Assert.Equal("/admin/claims", approved.Path);
        Assert.Contains("Approved. We have made an account for Jo Orchard", approved.Text, StringComparison.Ordinal);

        var asset = await factory.AssetAsync(assetId);
        Assert.NotNull(asset.Organization!.ClaimedAt);
        var emails = await factory.EmailsToAsync(email);
        Assert.Contains(emails, m => m.Body.Contains("/account/reset-password?user=", StringComparison.Ordinal));
        Assert.Contains(emails, m => m.Subject.Contains("is approved", StringComparison.Ordinal));

        var page = await visitor.GetPageAsync($"/assets/{assetId}");
        Assert.Contains("Looked after by the organisation", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"a[href='/assets/{assetId}/claim']"));
        var results = await visitor.GetPageAsync("/assets?q=Orchard+Gardeners");
        Assert.Contains("Looked after by the organisation", results.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denying_a_claim_needs_a_reason_which_the_claimant_is_sent()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Brook Street Bakers");
        var email = $"sam-{Guid.NewGuid():N}@example.org";
        using var visitor = factory.CreateClient();
        await visitor.PostAsync($"/assets/{assetId}/claim", ("Input.Name", "Sam"), ("Input.Email", email), ("Input.Role", "Volunteer"), ("Input.Evidence", "Ask anyone"));
        var claimId = await factory.WithDbAsync(async db => (await db.Set<ListingClaim>().AsNoTracking().ToListAsync()).Single(c => c.ClaimantEmail == email).Id);

        using var admin = factory.CreateClient();
        await admin.SignInAsync(await factory.CreateUserAsync(KithRoles.Administrator));
        var url = $"/admin/claims/{claimId}";
        var missing = await admin.PostAsync(url, [new("Reason", "")], $"{url}?handler=deny");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Response.StatusCode);
        Assert.Equal(["Enter why you are denying the claim"], missing.Errors);
        var denied = await admin.PostAsync(url, [new("Reason", "The organisation did not know you.")], $"{url}?handler=deny");
        Assert.Equal("/admin/claims", denied.Path);
        Assert.Contains("The organisation did not know you.", Assert.Single(await factory.EmailsToAsync(email)).Body, StringComparison.Ordinal);
        Assert.Null((await factory.AssetAsync(assetId)).Organization!.ClaimedAt);
    }
}
