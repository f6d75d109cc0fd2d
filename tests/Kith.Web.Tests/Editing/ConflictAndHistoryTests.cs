using System.Net;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;

namespace Kith.Web.Tests.Editing;

public class ConflictAndHistoryTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task A_second_editor_saving_over_a_newer_version_sees_both_and_can_apply_their_changes_on_top()
    {
        var id = await factory.CreateAssetAsync("Tuesday knitters");
        var (alex, blair) = await TwoEditorsAsync();
        var alexDraft = await StartEditAsync(alex, id);
        var blairDraft = await StartEditAsync(blair, id);

        var saved = await ChangeNameAsync(alex, alexDraft, "Tuesday knit and natter");
        Assert.Equal($"/manage/assets/{id}/saved", saved.Path);

        await blair.PostAsync($"{blairDraft}/contact?from=check", ("Input.Phone", "01632 960999"));
        var conflict = await blair.PostAsync($"{blairDraft}/check-answers");

        Assert.Equal($"{blairDraft}/conflict", conflict.Path);
        Assert.Contains("Someone else changed this asset while you were editing", conflict.Text, StringComparison.Ordinal);
        var rows = conflict.TableRows;
        var name = Assert.Single(rows, r => r[0] == "Name");
        Assert.Equal(["Name", "Tuesday knit and natter", "Tuesday knitters"], name);
        var phone = Assert.Single(rows, r => r[0] == "Phone");
        Assert.Equal("01632 960000", phone[1]);
        Assert.StartsWith("01632 960999", phone[2], StringComparison.Ordinal);
        Assert.Contains("You changed this", phone[2], StringComparison.Ordinal);
        var asset = await factory.GetAssetAsync(id);
        Assert.Equal(("Tuesday knit and natter", 2, "01632 960000"), (asset.Name, asset.Version, asset.Phones.Single().Number));

        var applied = await blair.PostAsync($"{blairDraft}/conflict", [], $"{blairDraft}/conflict?handler=ApplyMine");

        Assert.Equal($"/manage/assets/{id}/saved", applied.Path);
        asset = await factory.GetAssetAsync(id);
        Assert.Equal(("Tuesday knit and natter", 3, "01632 960999"), (asset.Name, asset.Version, asset.Phones.Single().Number));
    }

    [Fact]
    public async Task Keeping_their_version_discards_the_second_editors_changes()
    {
        var id = await factory.CreateAssetAsync("Saturday park run");
        var (alex, blair) = await TwoEditorsAsync();
        var alexDraft = await StartEditAsync(alex, id);
        var blairDraft = await StartEditAsync(blair, id);
        await ChangeNameAsync(alex, alexDraft, "Saturday parkrun");
        var conflict = await ChangeNameAsync(blair, blairDraft, "Saturday park jog");
        Assert.Equal($"{blairDraft}/conflict", conflict.Path);

        var kept = await blair.PostAsync($"{blairDraft}/conflict", [], $"{blairDraft}/conflict?handler=KeepTheirs");

        Assert.Equal($"/manage/assets/{id}", kept.Path);
        var asset = await factory.GetAssetAsync(id);
        Assert.Equal(("Saturday parkrun", 2), (asset.Name, asset.Version));
        Assert.Equal(HttpStatusCode.NotFound, (await blair.GetAsync($"{blairDraft}/conflict")).StatusCode);
    }

    [Fact]
    public async Task History_lists_each_revision_and_archiving_needs_a_reason_and_can_be_undone()
    {
        var id = await factory.CreateAssetAsync("Repair café");
        using var editor = factory.CreateClient();
        var user = await factory.CreateUserAsync(KithRoles.Practitioner, displayName: "Robin Editor");
        await editor.SignInAsync(user);
        var draft = await StartEditAsync(editor, id);
        await editor.PostAsync($"{draft}/name?from=check", ("Input.Name", "Riverside repair café"), ("Input.Kind", "Economic"));
        await editor.PostAsync($"{draft}/check-answers", ("Reason", "The group renamed itself"));

        var history = await editor.GetPageAsync($"/manage/assets/{id}/history");
        var rows = history.TableRows;
        Assert.Equal(2, rows.Count);
        Assert.Equal("Version 2", rows[0][0]);
        Assert.Equal(("Robin Editor", "Name, Type of asset", "The group renamed itself"), (rows[0][2], rows[0][3], rows[0][4]));
        Assert.Equal(("Version 1", "Added to the directory"), (rows[1][0], rows[1][3]));
        var first = await editor.GetPageAsync($"/manage/assets/{id}/history/1");
        Assert.Contains("Repair café", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside repair café", first.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/manage/assets/{id}/history/9")).StatusCode);

        var refused = await editor.PostAsync($"/manage/assets/{id}/archive", ("Version", "2"), ("Reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Equal(["Enter why you are archiving it"], refused.Errors);

        var archived = await editor.PostAsync($"/manage/assets/{id}/archive", ("Version", "2"), ("Reason", "Stopped meeting"));
        Assert.Equal($"/manage/assets/{id}", archived.Path);
        Assert.Contains("Archived", archived.Text, StringComparison.Ordinal);
        Assert.True((await factory.GetAssetAsync(id)).IsArchived);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/assets/{id}")).StatusCode);

        var restored = await editor.PostAsync($"/manage/assets/{id}/restore", ("Version", "3"), ("Reason", ""));
        Assert.Equal($"/manage/assets/{id}", restored.Path);
        var asset = await factory.GetAssetAsync(id);
        Assert.Equal((false, 4), (asset.IsArchived, asset.Version));
        history = await editor.GetPageAsync($"/manage/assets/{id}/history");
        Assert.Contains("Stopped meeting", history.Text, StringComparison.Ordinal);
        Assert.Contains("Restored", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archiving_from_a_page_opened_before_someone_else_saved_is_refused()
    {
        var id = await factory.CreateAssetAsync("Community fridge");
        var (alex, blair) = await TwoEditorsAsync();
        var alexDraft = await StartEditAsync(alex, id);
        await ChangeNameAsync(alex, alexDraft, "Community fridge and pantry");

        var refused = await blair.PostAsync($"/manage/assets/{id}/archive", ("Version", "1"), ("Reason", "Closed"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Contains("Someone else changed this asset since you opened this page", refused.Errors.Single(), StringComparison.Ordinal);
        Assert.False((await factory.GetAssetAsync(id)).IsArchived);

        // The page now carries the latest version and keeps the reason, so trying again works.
        Assert.Equal("2", refused.FieldValue("Version"));
        Assert.Equal("Closed", refused.FieldValue("Reason"));
        var archived = await blair.PostAsync($"/manage/assets/{id}/archive", ("Version", refused.FieldValue("Version")!), ("Reason", refused.FieldValue("Reason")!));
        Assert.Equal($"/manage/assets/{id}", archived.Path);
        Assert.True((await factory.GetAssetAsync(id)).IsArchived);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    public async Task A_tampered_version_on_the_archive_form_gets_the_plain_message_not_the_frameworks(string version)
    {
        var id = await factory.CreateAssetAsync("Repair cafe");
        var (alex, _) = await TwoEditorsAsync();

        var refused = await alex.PostAsync($"/manage/assets/{id}/archive", ("Version", version), ("Reason", "Closed"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Equal(["Someone else changed this asset since you opened this page. Check the latest details, then try again"], refused.Errors);
        Assert.Equal("1", refused.FieldValue("Version"));
        Assert.False((await factory.GetAssetAsync(id)).IsArchived);
    }

    private async Task<(HttpClient Alex, HttpClient Blair)> TwoEditorsAsync()
    {
        var alex = factory.CreateClient();
        await alex.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var blair = factory.CreateClient();
        await blair.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        return (alex, blair);
    }

    /// <summary>Presses "Change the details" on the asset's page; returns the draft's base URL.</summary>
    private static async Task<string> StartEditAsync(HttpClient client, Guid id)
    {
        var page = await client.PostAsync($"/manage/assets/{id}", [], $"/manage/assets/{id}?handler=Edit");
        Assert.EndsWith("/check-answers", page.Path, StringComparison.Ordinal);
        return page.Path[..^"/check-answers".Length];
    }

    private static async Task<Page> ChangeNameAsync(HttpClient client, string draft, string name)
    {
        await client.PostAsync($"{draft}/name?from=check", ("Input.Name", name), ("Input.Kind", "Association"));
        return await client.PostAsync($"{draft}/check-answers");
    }
}
