using System.Net;
using Kith.Core.People;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.People.AboutMe;

/// <summary>About Me and conversations through the real pages: limits, conflicts, validation, protection and access.</summary>
public sealed class AboutMeAndConversationsTests : IClassFixture<AboutMeAndConversationsTests.Fixture>
{
    private readonly Fixture fixture;

    public AboutMeAndConversationsTests(Fixture fixture) => this.fixture = fixture;

    public static TheoryData<string> Routes => new()
    {
        "/people/{0}/about-me",
        "/people/{0}/about-me/edit",
        "/people/{0}/about-me/history",
        "/people/{0}/conversations",
        "/people/{0}/conversations/new",
        "/people/{0}/conversations/" + Guid.NewGuid(),
    };

    private static Dictionary<string, string> AboutMe(string basedOn, string whatMatters) => new()
    {
        ["Input.BasedOn"] = basedOn,
        ["Input.WhatMattersMost"] = whatMatters,
        ["Input.PeopleImportant"] = "My son Dan",
    };

    private static Dictionary<string, string> Conversation(DateOnly heldOn, params string[] quotes)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.HeldOn.Day"] = heldOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HeldOn.Month"] = heldOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HeldOn.Year"] = heldOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = nameof(ConversationType.ListeningAndConnecting),
        };
        for (var i = 0; i < quotes.Length; i++)
        {
            form[$"Input.Quotes[{i}]"] = quotes[i];
        }

        return form;
    }

    private async Task<HttpClient> TeamClientAsync()
    {
        var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.TeamPractitioner);
        return client;
    }

    [Fact]
    public async Task A_one_megabyte_section_is_refused_with_the_limit_and_nothing_is_saved()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await TeamClientAsync();

        var response = await client.PostFormAsync($"/people/{personId}/about-me/edit", AboutMe("0", new string('a', 1_000_000)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("can be up to 10,000 characters; this one has 1,000,000", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.AboutMeVersions.CountAsync(v => v.PersonId == personId)));
    }

    [Fact]
    public async Task Two_people_editing_at_once_the_second_sees_both_versions_and_nothing_is_lost()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await TeamClientAsync();
        var url = $"/people/{personId}/about-me/edit";
        var formA = await client.GetStringAsync(url);
        var formB = await client.GetStringAsync(url);

        var first = await client.PostFormAsync(url, AboutMe("0", "Gardening with my grandson"), formA);
        var second = await client.PostFormAsync(url, AboutMe("0", "Singing in the community choir"), formB);

        Assert.Equal($"/people/{personId}/about-me", first.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else saved a newer version", html, StringComparison.Ordinal);
        Assert.Contains("Gardening with my grandson", html, StringComparison.Ordinal);
        Assert.Contains("Singing in the community choir", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.BasedOn\" value=\"1\"", html, StringComparison.Ordinal);
        var saved = await fixture.Factory.WithDbAsync(db => db.AboutMeVersions.Where(v => v.PersonId == personId).ToListAsync());
        Assert.Equal("Gardening with my grandson", Assert.Single(saved).WhatMattersMost);

        var resolved = await client.PostFormAsync(url, AboutMe("1", "Singing in the community choir"), html);
        Assert.Equal($"/people/{personId}/about-me", resolved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Singing in the community choir", await resolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_conversation_is_refused()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await TeamClientAsync();

        var response = await client.PostFormAsync($"/people/{personId}/conversations/new", Conversation(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)));

        Assert.Contains("Record at least one thing they said, a note or what was agreed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Conversations.CountAsync(c => c.PersonId == personId)));
    }

    [Fact]
    public async Task A_conversation_in_the_future_is_refused()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await TeamClientAsync();

        var response = await client.PostFormAsync($"/people/{personId}/conversations/new", Conversation(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), "I like the park"));

        Assert.Contains("Date of the conversation must be today or in the past", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Conversations.CountAsync(c => c.PersonId == personId)));
    }

    [Fact]
    public async Task Add_another_quote_box_shows_a_fourth_box_and_keeps_the_typing()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await TeamClientAsync();
        var form = Conversation(DateOnly.FromDateTime(DateTime.UtcNow), "First words");
        form["handler"] = "more";

        var response = await client.PostFormAsync($"/people/{personId}/conversations/new", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Their words 4", html, StringComparison.Ordinal);
        Assert.Contains("First words", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Conversations.CountAsync(c => c.PersonId == personId)));
    }

    [Fact]
    public async Task A_conversations_quotes_show_on_the_record_page_and_are_not_stored_as_plain_text()
    {
        var personId = await fixture.NewPersonAsync();
        using var client = await TeamClientAsync();
        var form = Conversation(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), "The allotment is where I feel like me");
        form["Input.Notes"] = "Talked about the allotment society";

        var saved = await client.PostFormAsync($"/people/{personId}/conversations/new", form);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("/conversations/", saved.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var record = await client.GetStringAsync($"/people/{personId}");
        Assert.Contains("In their words", record, StringComparison.Ordinal);
        Assert.Contains("<blockquote", record, StringComparison.Ordinal);
        Assert.Contains("The allotment is where I feel like me", record, StringComparison.Ordinal);
        Assert.Contains("See all conversations", record, StringComparison.Ordinal);

        await using var connection = new SqliteConnection(fixture.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT q.\"Words\", c.\"Notes\" FROM \"ConversationQuotes\" q JOIN \"Conversations\" c ON c.\"Id\" = q.\"ConversationId\" WHERE c.\"PersonId\" = $id";
        command.Parameters.AddWithValue("$id", personId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.DoesNotContain("allotment", reader.GetString(0), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("allotment", reader.GetString(1), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, rows);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_practitioner_of_another_team_is_refused_and_the_refusal_is_audited(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, fixture.PersonId);
        using var client = fixture.Factory.CreateClient();
        await client.SignInAsync(fixture.OtherPractitioner);
        var before = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = (await fixture.Factory.AuditAboutAsync(fixture.PersonId)).Count(e => e.Action == PersonAuditActions.AccessRefused && e.UserId == fixture.OtherPractitioner.Id);
        Assert.True(after > before, $"{url}: the refusal was not audited");
    }

    [Fact]
    public async Task Prompt_sets_are_for_administrators_only_and_the_defaults_are_seeded()
    {
        using var client = await TeamClientAsync();
        var refused = await client.GetAsync("/admin/prompt-sets");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        var sets = await fixture.Factory.WithDbAsync(db => db.PromptSets.Include(p => p.Prompts).ToListAsync());
        Assert.Equal(3, sets.Count);
        Assert.All(sets, s => Assert.InRange(s.Prompts.Count, 6, 8));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public KithWebFactory Factory { get; } = new();

        public TestUser TeamPractitioner { get; private set; } = null!;

        public TestUser OtherPractitioner { get; private set; } = null!;

        public Guid TeamId { get; private set; }

        public Guid PersonId { get; private set; }

        public Task<Guid> NewPersonAsync() => Factory.CreatePersonAsync(TeamId, "Rosa Example");

        public async Task InitializeAsync()
        {
            TeamPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            OtherPractitioner = await Factory.CreateUserAsync(KithRoles.Practitioner);
            TeamId = await Factory.CreateTeamAsync("Connectors", false, TeamPractitioner);
            await Factory.CreateTeamAsync("Elsewhere", false, OtherPractitioner);
            PersonId = await NewPersonAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
