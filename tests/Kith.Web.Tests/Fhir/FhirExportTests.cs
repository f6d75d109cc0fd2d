using System.Net;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Fhir;

/// <summary>Patient/{id}/$everything: for the referring client only, only where the person agreed to share with it, and audited.</summary>
public sealed class FhirExportTests(FhirFixture fixture) : IClassFixture<FhirFixture>
{
    [Fact]
    public async Task The_referrer_gets_consent_goals_and_ons4_check_ins_once_the_person_agreed_to_share_with_it()
    {
        using var client = await fixture.ClientAsync();
        var personId = await ReferAsync(client);
        await fixture.Factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Goals.Add(new Goal { PersonId = personId, Words = "Get out of the house twice a week", Status = GoalStatus.Active, CreatedAt = now, LastModified = now });
            var checkIn = new CheckIn { PersonId = personId, InstrumentKey = "ons4", InstrumentVersion = "1", TakenOn = new DateOnly(2026, 11, 1), Stage = CheckInStage.Start, RecordedAt = now, RecordedByName = "Link worker" };
            checkIn.Answers.Add(new CheckInAnswer { CheckInId = checkIn.Id, PersonId = personId, ItemKey = "life-satisfaction", Value = 4 });
            checkIn.Answers.Add(new CheckInAnswer { CheckInId = checkIn.Id, PersonId = personId, ItemKey = "anxious", Value = 7 });
            db.CheckIns.Add(checkIn);
            db.Consents.Add(new Consent { PersonId = personId, Scope = ConsentScope.Team, AgreedOn = new DateOnly(2026, 11, 1), How = ConsentMethod.Verbally, RecordedAt = now, RecordedByName = "Link worker" });
            await db.SaveChangesAsync();
            return 0;
        });
        var path = new Uri($"/fhir/Patient/{personId}/$everything", UriKind.Relative);

        var refused = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("has not agreed to share", (string?)(await FhirFixture.ReadAsync(refused))["issue"]![0]!["diagnostics"], StringComparison.Ordinal);

        await fixture.Factory.WithDbAsync(async db =>
        {
            db.Consents.Add(new Consent
            {
                PersonId = personId, Scope = ConsentScope.NamedOrganisation, OrganisationName = "riverside surgery", AgreedOn = new DateOnly(2026, 11, 2),
                How = ConsentMethod.InWriting, RecordedAt = DateTime.UtcNow, RecordedByName = "Link worker",
            });
            await db.SaveChangesAsync();
            return 0;
        });
        var exportsBefore = (await fixture.Factory.AuditAboutAsync(personId)).Count(e => e.Action == PersonAuditActions.Exported);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await FhirFixture.ReadAsync(response);
        Assert.Equal("Bundle", (string?)bundle["resourceType"]);
        var resources = bundle["entry"]!.AsArray().Select(e => e!["resource"]!).ToList();
        Assert.Equal(["Patient", "Consent", "Consent", "Goal", "QuestionnaireResponse"], resources.Select(r => (string?)r["resourceType"]));
        Assert.Equal(personId.ToString(), (string?)resources[0]["id"]);
        Assert.Equal("Get out of the house twice a week", (string?)resources[3]["description"]!["text"]);
        var answers = resources[4]["item"]!.AsArray();
        Assert.Equal("anxious", (string?)answers[0]!["linkId"]);
        Assert.Equal(7, (int?)answers[0]!["answer"]![0]!["valueInteger"]);
        Assert.Equal(exportsBefore + 1, (await fixture.Factory.AuditAboutAsync(personId)).Count(e => e.Action == PersonAuditActions.Exported));

        using var other = await fixture.ClientAsync(fixture.OtherSurgery);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Withdrawn_consent_stops_the_export()
    {
        using var client = await fixture.ClientAsync();
        var personId = await ReferAsync(client);
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.Consents.Add(new Consent
            {
                PersonId = personId, Scope = ConsentScope.NamedOrganisation, OrganisationName = FhirFixture.SurgeryName, AgreedOn = new DateOnly(2026, 11, 2),
                How = ConsentMethod.Verbally, RecordedAt = DateTime.UtcNow, RecordedByName = "Link worker", WithdrawnAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/fhir/Patient/{personId}/$everything", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_patient_the_client_never_referred_is_not_found()
    {
        using var client = await fixture.ClientAsync();
        var stranger = await fixture.Factory.CreatePersonAsync(fixture.TeamId, FhirFixture.NewName());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/fhir/Patient/{stranger}/$everything", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/fhir/Patient/not-a-guid/$everything", UriKind.Relative))).StatusCode);
    }

    private async Task<Guid> ReferAsync(HttpClient client)
    {
        var nhs = FhirFixture.NewNhsNumber();
        var response = await FhirFixture.PostAsync(client, FhirFixture.ServiceRequest($"export-{nhs}", FhirFixture.NewName(), "1944-04-04", nhs));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await fixture.Factory.WithDbAsync(db => db.People.Where(p => p.NhsNumber == nhs).Select(p => p.Id).SingleAsync());
    }
}
