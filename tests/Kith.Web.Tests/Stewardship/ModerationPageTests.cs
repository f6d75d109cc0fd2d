using System.Net;
using Kith.Core.Directory;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Editing;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Stewardship;

public class ModerationPageTests(StewardshipWebFactory factory) : IClassFixture<StewardshipWebFactory>
{
    [Fact]
    public async Task Visitors_cannot_see_the_queue_or_the_claims_and_a_person_without_an_editor_role_is_refused()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/manage/moderation", $"/manage/moderation/{Guid.NewGuid()}", $"/manage/moderation/{Guid.NewGuid()}/edit", "/admin/claims", $"/admin/claims/{Guid.NewGuid()}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        using var person = factory.CreateClient();
        await person.SignInAsync(await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false));
        Assert.Equal("/account/access-denied", (await person.GetPageAsync("/manage/moderation")).Path);
    }

    [Fact]
    public async Task A_moderator_accepts_a_suggested_change_which_is_saved_as_a_new_version_and_the_proposer_is_emailed()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Hillside Walkers");
        var proposalId = await SuggestAsync(assetId, ("Input.Description", "Gentle walks on the hill, every week."), ("Proposer.Email", "walker@example.org"));

        using var editor = factory.CreateClient();
        await editor.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var queue = await editor.GetPageAsync("/manage/moderation");
        Assert.NotNull(queue.Document.QuerySelector($"a[href='/manage/moderation/{proposalId}']"));
        var review = await editor.GetPageAsync($"/manage/moderation/{proposalId}");
        Assert.Contains("walker@example.org", review.Text, StringComparison.Ordinal);
        Assert.Contains("Gentle walks on the hill, every week.", review.Text, StringComparison.Ordinal);
        Assert.Contains("Meets online every week.", review.Text, StringComparison.Ordinal);

        var accepted = await editor.PostAsync($"/manage/moderation/{proposalId}", [], $"/manage/moderation/{proposalId}?handler=accept");
        Assert.Equal("/manage/moderation", accepted.Path);
        Assert.Contains("Accepted. The listing is updated. We have emailed the person who suggested it.", accepted.Text, StringComparison.Ordinal);
        var asset = await factory.AssetAsync(assetId);
        Assert.Equal(("Gentle walks on the hill, every week.", 2), (asset.Description, asset.Version));
        var email = Assert.Single(await factory.EmailsToAsync("walker@example.org"));
        Assert.Contains("accepted", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"/assets/{assetId}", email.Body, StringComparison.Ordinal);
        var history = await editor.GetPageAsync($"/manage/assets/{assetId}/history");
        Assert.Contains(ModerationService.RevisionReason, history.Text, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(DirectoryProposal) && e.EntityId == proposalId.ToString() && e.Action == AuditActions.Viewed)));
    }

    [Fact]
    public async Task A_change_made_since_the_suggestion_is_shown_and_never_silently_overwritten()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Friday Film Club");
        var proposalId = await SuggestAsync(assetId, ("Input.Phone", "01632 960444"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var assets = scope.ServiceProvider.GetRequiredService<AssetService>();
            var current = (await assets.GetDetailsAsync(assetId))!;
            await assets.UpdateAsync(assetId, current.Version, current.Details with { Phone = "01632 960555" }, ProcessContext.System("test"));
        }

        using var editor = factory.CreateClient();
        await editor.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var review = await editor.GetPageAsync($"/manage/moderation/{proposalId}");
        Assert.Contains("The listing has changed since this was suggested", review.Text, StringComparison.Ordinal);
        Assert.Contains("Clashes with a newer change", review.Text, StringComparison.Ordinal);
        Assert.Null(review.Document.QuerySelector("form[action*='handler=accept']"));

        var refused = await editor.PostAsync($"/manage/moderation/{proposalId}", [], $"/manage/moderation/{proposalId}?handler=accept");
        Assert.Equal(HttpStatusCode.Conflict, refused.Response.StatusCode);
        Assert.Equal(["Someone has changed the same details since this was suggested. Use \"Edit, then accept\" to choose what to keep"], refused.Errors);
        Assert.Equal(2, (await factory.AssetAsync(assetId)).Version);

        // Edit then accept starts from the listing now with the suggestion over it; a stale version is refused.
        var edit = await editor.GetPageAsync($"/manage/moderation/{proposalId}/edit");
        Assert.Equal("01632 960444", edit.FieldValue("Input.Phone"));
        var stale = await editor.PostAsync(edit.PathAndQuery, edit.FormFields(("Version", "1")));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Equal(["Someone changed this listing since you opened this page. Check the listing now, then make your changes again"], stale.Errors);
        var saved = await editor.PostAsync(edit.PathAndQuery, edit.FormFields(("Input.Phone", "01632 960555")  , ("Input.Name", "Friday Film Club (Avonford)")));
        Assert.Equal("/manage/moderation", saved.Path);
        var asset = await factory.AssetAsync(assetId);
        Assert.Equal(("Friday Film Club (Avonford)", 3), (asset.Name, asset.Version));
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_proposer_is_sent()
    {
        using var visitor = factory.CreateClient();
        var form = await visitor.GetPageAsync("/assets/tell-us-about-a-group-or-place");
        var name = $"Sunday Car Boot {Guid.NewGuid():N}";
        await visitor.PostAsync(form.PathAndQuery, form.FormFields(("Input.Name", name), ("Input.Description", "Selling things"), ("Proposer.Email", "boot@example.org")));
        var proposalId = await factory.WithDbAsync(async db => (await db.Set<DirectoryProposal>().AsNoTracking().ToListAsync()).Single(p => p.Proposed.Name == name).Id);

        using var editor = factory.CreateClient();
        await editor.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var url = $"/manage/moderation/{proposalId}";
        var missing = await editor.PostAsync(url, [new("Reason", " ")], $"{url}?handler=decline");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Response.StatusCode);
        Assert.Equal(["Enter why you are declining it"], missing.Errors);
        var declined = await editor.PostAsync(url, [new("Reason", "It is a market, not a community group.")], $"{url}?handler=decline");
        Assert.Equal("/manage/moderation", declined.Path);
        var email = Assert.Single(await factory.EmailsToAsync("boot@example.org"));
        Assert.Contains("It is a market, not a community group.", email.Body, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Declined, await factory.WithDbAsync(db => db.Set<DirectoryProposal>().Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync()));
    }

    private async Task<Guid> SuggestAsync(Guid assetId, params (string Name, string Value)[] changes)
    {
        using var visitor = factory.CreateClient();
        var form = await visitor.GetPageAsync($"/assets/{assetId}/suggest-a-change");
        var sent = await visitor.PostAsync(form.PathAndQuery, form.FormFields(changes));
        Assert.Equal("/assets/suggestion-sent", sent.Path);
        return Assert.Single(await factory.ProposalsForAsync(assetId)).Id;
    }
}
