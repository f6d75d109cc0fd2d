using System.Net;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Editing;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Stewardship;

/// <summary>A community editor changes only the listings of the organisations whose claim was approved for them (ADR 15).</summary>
public class EditorScopeTests(StewardshipWebFactory factory) : IClassFixture<StewardshipWebFactory>
{
    [Fact]
    public async Task After_an_approved_claim_a_community_editor_edits_their_organisations_listing_and_gets_404_on_anyone_elses()
    {
        await factory.SeedReferenceDataAsync();
        var ours = await factory.CreateAssetAsync("Orchard Gardeners");
        var theirs = await factory.CreateAssetAsync("Chess on the Green");
        var theirOrganization = (await factory.AssetAsync(theirs)).OrganizationId;
        var otherProposal = await SuggestAsync(theirs, ("Input.Phone", "01632 960123"));
        var ourProposal = await SuggestAsync(ours, ("Input.Phone", "01632 960321"));
        var claimant = await factory.CreateUserAsync(KithRoles.CommunityEditor, withTwoFactor: false);

        // Before any claim is approved the editor looks after nothing.
        using (var early = factory.CreateClient())
        {
            await early.SignInAsync(claimant);
            Assert.Equal(HttpStatusCode.NotFound, (await early.GetPageAsync($"/manage/assets/{ours}")).Response.StatusCode);
            Assert.Empty((await early.GetPageAsync("/manage/assets")).TableRows);
        }

        await ApproveClaimAsync(ours, claimant.Email);
        using var editor = factory.CreateClient();
        await editor.SignInAsync(claimant);

        // Another organisation's listing: every page and every way of changing it is a 404, and nothing changes.
        foreach (var url in new[] { $"/manage/assets/{theirs}", $"/manage/assets/{theirs}/history", $"/manage/assets/{theirs}/history/1", $"/manage/assets/{theirs}/archive", $"/manage/moderation/{otherProposal}", $"/manage/moderation/{otherProposal}/edit" })
        {
            Assert.True((await editor.GetPageAsync(url)).Response.StatusCode == HttpStatusCode.NotFound, url);
        }

        var edit = await editor.PostAsync($"/manage/assets/{ours}", [], $"/manage/assets/{theirs}?handler=Edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.Response.StatusCode);
        var archive = await editor.PostAsync($"/manage/assets/{ours}/archive", [new KeyValuePair<string, string>("Reason", "Not running")], $"/manage/assets/{theirs}/archive");
        Assert.Equal(HttpStatusCode.NotFound, archive.Response.StatusCode);
        var accept = await editor.PostAsync($"/manage/moderation/{ourProposal}", [], $"/manage/moderation/{otherProposal}?handler=accept");
        Assert.Equal(HttpStatusCode.NotFound, accept.Response.StatusCode);
        var after = await factory.AssetAsync(theirs);
        Assert.Equal((1, false), (after.Version, after.IsArchived));
        Assert.Equal(ProposalStatus.Pending, await factory.WithDbAsync(db => db.Set<DirectoryProposal>().Where(p => p.Id == otherProposal).Select(p => p.Status).SingleAsync()));

        // The lists show only their own.
        var list = await editor.GetPageAsync("/manage/assets");
        Assert.Equal(["Orchard Gardeners"], list.TableRows.Select(r => r[0]));
        var queue = await editor.GetPageAsync("/manage/moderation");
        Assert.NotNull(queue.Document.QuerySelector($"a[href='/manage/moderation/{ourProposal}']"));
        Assert.Null(queue.Document.QuerySelector($"a[href='/manage/moderation/{otherProposal}']"));

        // Their own listing they can edit, but not move to another organisation or a new one.
        var check = await editor.PostAsync($"/manage/assets/{ours}", [], $"/manage/assets/{ours}?handler=Edit");
        Assert.EndsWith("/check-answers", check.Path, StringComparison.Ordinal);
        var draft = check.Path[..^"/check-answers".Length];
        var organisationStep = await editor.GetPageAsync($"{draft}/organisation?from=check");
        Assert.Null(organisationStep.Document.QuerySelector("[name='Input.NewOrganizationName']"));
        Assert.Null(organisationStep.Document.QuerySelector($"option[value='{theirOrganization}']"));
        var moved = await editor.PostAsync($"{draft}/organisation?from=check", ("Input.OrganizationId", theirOrganization.ToString()));
        Assert.Equal((HttpStatusCode.BadRequest, "Select an organisation from the list"), (moved.Response.StatusCode, moved.Errors.Single()));
        var named = await editor.PostAsync($"{draft}/organisation?from=check", ("Input.NewOrganizationName", "Somebody else's club"));
        Assert.Equal((HttpStatusCode.BadRequest, "Select your organisation from the list"), (named.Response.StatusCode, named.Errors.Single()));

        await editor.PostAsync($"{draft}/name?from=check", ("Input.Name", "Orchard Gardeners of Millbrook"), ("Input.Kind", "Association"));
        var saved = await editor.PostAsync($"{draft}/check-answers");
        Assert.Equal($"/manage/assets/{ours}/saved", saved.Path);
        Assert.Equal("Orchard Gardeners of Millbrook", (await factory.AssetAsync(ours)).Name);
    }

    [Fact]
    public async Task Practitioners_and_administrators_still_edit_every_listing()
    {
        var id = await factory.CreateAssetAsync("Repair Café on Mill Lane");
        foreach (var role in new[] { KithRoles.Practitioner, KithRoles.Administrator })
        {
            using var client = factory.CreateClient();
            await client.SignInAsync(await factory.CreateUserAsync(role));
            Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync($"/manage/assets/{id}")).Response.StatusCode);
            var check = await client.PostAsync($"/manage/assets/{id}", [], $"/manage/assets/{id}?handler=Edit");
            Assert.EndsWith("/check-answers", check.Path, StringComparison.Ordinal);
            var organisationStep = await client.GetPageAsync($"{check.Path[..^"/check-answers".Length]}/organisation?from=check");
            Assert.NotNull(organisationStep.Document.QuerySelector("[name='Input.NewOrganizationName']"));
        }
    }

    private async Task ApproveClaimAsync(Guid assetId, string email)
    {
        using var visitor = factory.CreateClient();
        var url = $"/assets/{assetId}/claim";
        var sent = await visitor.PostAsync(url, ("Input.Name", "Jo Orchard"), ("Input.Email", email), ("Input.Role", "Chair"), ("Input.Evidence", "Ring the number on our website."));
        Assert.Equal("/assets/claim-sent", sent.Path);
        var claimId = await factory.WithDbAsync(async db => (await db.Set<ListingClaim>().AsNoTracking().ToListAsync()).Single(c => c.ClaimantEmail == email).Id);
        using var admin = factory.CreateClient();
        await admin.SignInAsync(await factory.CreateUserAsync(KithRoles.Administrator));
        var approved = await admin.PostAsync($"/admin/claims/{claimId}", [], $"/admin/claims/{claimId}?handler=approve");
        Assert.Equal("/admin/claims", approved.Path);
    }

    private async Task<Guid> SuggestAsync(Guid assetId, params (string Name, string Value)[] changes)
    {
        using var visitor = factory.CreateClient();
        var form = await visitor.GetPageAsync($"/assets/{assetId}/suggest-a-change");
        var sent = await visitor.PostAsync(form.PathAndQuery, form.FormFields(changes));
        Assert.Equal("/assets/suggestion-sent", sent.Path);
        return (await factory.ProposalsForAsync(assetId)).Single().Id;
    }
}
