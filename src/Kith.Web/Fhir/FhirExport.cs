using System.Globalization;
using Hl7.Fhir.Model;
using Kith.Core.Data;
using Kith.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Fhir;

/// <summary>
/// A person's record for a referrer they agreed to share with: the Patient, their Consent records, their Goals in their
/// own words, and their ONS4 check-ins as QuestionnaireResponses. Nothing else leaves (no notes, network or concerns).
/// </summary>
public static class FhirExport
{
    /// <summary>The canonical URL Kith's ONS4 questionnaire is named by.</summary>
    public const string Ons4Questionnaire = "https://kith.example/fhir/Questionnaire/ons4";

    public static async Task<Bundle> EverythingAsync(KithDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.PersonId == personId).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().Include(c => c.Answers).Where(c => c.PersonId == personId && c.InstrumentKey == "ons4")
            .OrderBy(c => c.TakenOn).ToListAsync(cancellationToken);
        var patientRef = $"Patient/{personId}";

        var patient = new Patient
        {
            Id = personId.ToString(),
            Name = [new HumanName { Text = person.Name }],
            BirthDate = person.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (person.NhsNumber is not null)
        {
            patient.Identifier.Add(new Identifier(NhsNumber.FhirSystem, person.NhsNumber));
        }

        var resources = new List<Resource> { patient };
        resources.AddRange(consents.Select(c => new Hl7.Fhir.Model.Consent
        {
            Id = c.Id.ToString(),
            Status = c.WithdrawnAt is null ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
            Category = [new CodeableConcept { Text = ScopeText(c) }],
            Patient = new ResourceReference(patientRef),
            DateTime = c.AgreedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Policy = [new Hl7.Fhir.Model.Consent.PolicyComponent { Uri = "https://kith.example/consent/" + c.Scope.ToString().ToLowerInvariant() }],
        }));
        resources.AddRange(goals.Select(g => new Hl7.Fhir.Model.Goal
        {
            Id = g.Id.ToString(),
            LifecycleStatus = g.Status switch
            {
                GoalStatus.Achieved => Hl7.Fhir.Model.Goal.GoalLifecycleStatus.Completed,
                GoalStatus.SetAside => Hl7.Fhir.Model.Goal.GoalLifecycleStatus.OnHold,
                _ => Hl7.Fhir.Model.Goal.GoalLifecycleStatus.Active,
            },
            Description = new CodeableConcept { Text = g.Words },
            Subject = new ResourceReference(patientRef),
            StatusDate = DateOnly.FromDateTime(g.LastModified).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        resources.AddRange(checkIns.Select(c => new QuestionnaireResponse
        {
            Id = c.Id.ToString(),
            Questionnaire = $"{Ons4Questionnaire}|{c.InstrumentVersion}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference(patientRef),
            Authored = c.TakenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Item = c.Answers.OrderBy(a => a.ItemKey, StringComparer.Ordinal).Select(a => new QuestionnaireResponse.ItemComponent
            {
                LinkId = a.ItemKey,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Integer(a.Value) }],
            }).ToList(),
        }));

        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = resources.Count,
            Entry = resources.Select(r => new Bundle.EntryComponent { FullUrl = $"{FhirApi.BasePath}/{r.TypeName}/{r.Id}", Resource = r }).ToList(),
        };
    }

    private static string ScopeText(Kith.Core.People.Consent consent) => consent.Scope switch
    {
        ConsentScope.Team => "Share with the teams working with them",
        ConsentScope.NamedOrganisation => $"Share with {consent.OrganisationName}",
        ConsentScope.CommunityAssets => "Share the minimum with community groups they are introduced to",
        _ => "Anonymised use in research and evaluation",
    };
}
