using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Kith.Core.Connections.Referrals;
using Kith.Core.People;

namespace Kith.Web.Fhir;

/// <summary>Either the referral read from a ServiceRequest, or the one thing wrong with it, in words for the sender.</summary>
public sealed record ServiceRequestReading(ReferralIntake? Intake, string? Problem, string? Expression)
{
    public static ServiceRequestReading Bad(string problem, string? expression = null) => new(null, problem, expression);
}

/// <summary>
/// Reads a FHIR R4 ServiceRequest for a referral to social prescribing and checks everything Kith relies on before
/// anything is saved: the SNOMED CT code, an identifier, a contained Patient with a name and birth date, a valid NHS
/// number when one is given, and notes within <see cref="Referral.NoteLimit"/>.
/// </summary>
public static class ServiceRequestReader
{
    /// <summary>SNOMED CT "Referral to social prescribing service".</summary>
    public const string SocialPrescribingCode = "871731000000106";

    public const string SnomedSystem = "http://snomed.info/sct";

    private static readonly FhirJsonDeserializer Deserializer = new();

    /// <summary>Reads <paramref name="json"/>; <paramref name="today"/> (UK date) bounds the birth date.</summary>
    public static ServiceRequestReading Read(ReadOnlySpan<byte> json, DateOnly today)
    {
        Resource? resource;
        string? invalid = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!Deserializer.TryDeserializeResource(ref reader, out resource, out var issues))
            {
                // Kith's own checks below say more plainly what is missing; the parser's issues stand when they pass.
                invalid = "The body is not a valid FHIR R4 resource: " + string.Join(" ", issues.Take(3).Select(i => i.Message));
                if (resource is not ServiceRequest)
                {
                    return ServiceRequestReading.Bad(invalid);
                }
            }
        }
        catch (JsonException e)
        {
            return ServiceRequestReading.Bad($"The body is not valid JSON ({e.Message}). Send a FHIR R4 ServiceRequest as application/fhir+json.");
        }
        catch (DeserializationFailedException e)
        {
            return ServiceRequestReading.Bad($"The body is not a valid FHIR R4 resource: {e.Exceptions.FirstOrDefault()?.Message ?? e.Message}");
        }

        if (resource is not ServiceRequest request)
        {
            return ServiceRequestReading.Bad($"Send a ServiceRequest here; this body is a {resource?.TypeName ?? "something else"}.", "resourceType");
        }

        if (request.Status is { } status && status != RequestStatus.Active)
        {
            return ServiceRequestReading.Bad($"Send the referral with status 'active'; '{status.ToString().ToLowerInvariant()}' is not taken.", "ServiceRequest.status");
        }

        var identifier = request.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.System) && !string.IsNullOrWhiteSpace(i.Value));
        if (identifier is null)
        {
            return ServiceRequestReading.Bad("Give the ServiceRequest an identifier with a system and a value (your referral's id), so a second send of the same referral is recognised.", "ServiceRequest.identifier");
        }

        if (identifier.System!.Length > Referral.IdentifierLimit || identifier.Value!.Length > Referral.IdentifierLimit)
        {
            return ServiceRequestReading.Bad($"The identifier's system and value must each be {Referral.IdentifierLimit} characters or fewer.", "ServiceRequest.identifier");
        }

        var codings = (request.Code?.Coding ?? []).Concat(request.Category.SelectMany(c => c.Coding)).ToList();
        if (!codings.Any(c => c.System == SnomedSystem && c.Code == SocialPrescribingCode))
        {
            var sent = codings.Count == 0 ? "none was sent" : "it sent " + string.Join(", ", codings.Select(c => $"{c.System}|{c.Code}"));
            return ServiceRequestReading.Bad(
                $"Kith takes referrals to social prescribing only: put SNOMED CT {SocialPrescribingCode} (system {SnomedSystem}) in code or category; {sent}.", "ServiceRequest.code");
        }

        var patient = FindPatient(request);
        if (patient is null)
        {
            return ServiceRequestReading.Bad("Say who is referred: put the Patient in 'contained' and point 'subject' at it (for example \"#patient\").", "ServiceRequest.subject");
        }

        var name = NameOf(patient);
        if (name is null)
        {
            return ServiceRequestReading.Bad("Give the Patient's name (name.text, or given and family).", "Patient.name");
        }

        if (name.Length > Kith.Core.People.Person.ShortTextLimit)
        {
            return ServiceRequestReading.Bad($"The Patient's name must be {Kith.Core.People.Person.ShortTextLimit} characters or fewer.", "Patient.name");
        }

        if (!DateOnly.TryParseExact(patient.BirthDate ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return ServiceRequestReading.Bad("Give the Patient's full birth date as YYYY-MM-DD; Kith needs it to find the right person.", "Patient.birthDate");
        }

        if (birthDate > today)
        {
            return ServiceRequestReading.Bad("The Patient's birth date is in the future.", "Patient.birthDate");
        }

        string? nhsNumber = null;
        var nhs = patient.Identifier.FirstOrDefault(i => i.System == NhsNumber.FhirSystem);
        if (nhs is not null)
        {
            if (!NhsNumber.TryParse(nhs.Value, out var digits))
            {
                return ServiceRequestReading.Bad($"The NHS number '{nhs.Value}' is not valid: it must be 10 digits whose last digit passes the modulus 11 check.", "Patient.identifier");
            }

            nhsNumber = digits;
        }

        var notes = request.Note.Select(n => n.Text?.Trim()).Where(t => !string.IsNullOrEmpty(t)).ToList();
        var note = notes.Count == 0 ? null : string.Join("\n\n", notes);
        if (note is { Length: > Referral.NoteLimit })
        {
            return ServiceRequestReading.Bad($"The notes must be {Referral.NoteLimit:N0} characters or fewer in all; these have {note.Length:N0}.", "ServiceRequest.note");
        }

        var requester = request.Requester?.Display?.Trim();
        if (requester is { Length: > 300 })
        {
            requester = requester[..300];
        }

        var postcode = patient.Address.Select(a => a.PostalCode?.Trim()).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        var phone = patient.Telecom.Where(t => t.System == ContactPoint.ContactPointSystem.Phone).Select(t => t.Value?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (invalid is not null)
        {
            return ServiceRequestReading.Bad(invalid);
        }

        return new ServiceRequestReading(
            new ReferralIntake(identifier.System.Trim(), identifier.Value.Trim(), nhsNumber, name, birthDate, postcode is { Length: <= 10 } ? postcode : null, phone is { Length: <= 50 } ? phone : null, requester, note),
            null,
            null);
    }

    private static Patient? FindPatient(ServiceRequest request)
    {
        var reference = request.Subject?.Reference;
        var patients = request.Contained.OfType<Patient>().ToList();
        if (reference is { Length: > 1 } && reference[0] == '#')
        {
            return patients.FirstOrDefault(p => p.Id == reference[1..]);
        }

        return reference is null && patients.Count == 1 ? patients[0] : null;
    }

    private static string? NameOf(Patient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        if (name is null)
        {
            return null;
        }

        var text = !string.IsNullOrWhiteSpace(name.Text)
            ? name.Text
            : string.Join(' ', name.Given.Append(name.Family).Where(p => !string.IsNullOrWhiteSpace(p)));
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }
}
