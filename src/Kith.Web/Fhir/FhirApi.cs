using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Kith.Core.Connections;
using Kith.Core.Connections.Referrals;
using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace Kith.Web.Fhir;

/// <summary>
/// The FHIR R4 subset under <c>/fhir</c> (docs/adr/0021-fhir-referrals-and-tasks.md, docs/guides/integrators/fhir.md):
/// OAuth2 client credentials at <c>/fhir/token</c>; referrals in as ServiceRequest; their Task read and polled; a
/// person's Consent, Goal and ONS4 QuestionnaireResponse exported through <c>Patient/{id}/$everything</c>. Every
/// endpoint but the token needs a bearer token, and every refusal is an OperationOutcome.
/// </summary>
public static class FhirApi
{
    public const string BasePath = "/fhir";

    /// <summary>Largest request body accepted under /fhir.</summary>
    public const int BodyLimit = 1024 * 1024;

    /// <summary>Tasks per search when <c>_count</c> is not given.</summary>
    public const int DefaultCount = 100;

    private const string ClientItem = "kith-fhir-client";

    private static readonly string[] TaskSearchParameters = ["_lastUpdated", "_count"];

    /// <summary>What every handler reads with.</summary>
    public sealed record FhirServices(HttpContext Http, ReferralService Referrals, TimeProvider Clock, CancellationToken CancellationToken)
    {
        public AuthenticatedClient Client => (AuthenticatedClient)Http.Items[ClientItem]!;
    }

    public static RouteGroupBuilder MapFhirApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var root = endpoints.MapGroup(BasePath).WithTags("FHIR").ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        root.MapPost("/token", TokenAsync);

        var api = root.MapGroup(string.Empty);
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var clients = http.RequestServices.GetRequiredService<ReferrerClientService>();
            var client = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? await clients.AuthenticateAsync(header["Bearer ".Length..].Trim(), http.RequestAborted)
                : null;
            if (client is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return FhirResponses.Outcome(
                    StatusCodes.Status401Unauthorized,
                    OperationOutcome.IssueType.Login,
                    "Send a bearer access token from POST /fhir/token in the Authorization header. Tokens last 30 minutes; ask for a new one when this one is refused.");
            }

            http.Items[ClientItem] = client;
            return await next(context);
        });

        api.MapPost("/ServiceRequest", ReceiveAsync);
        api.MapGet("/Task/{id}", GetTaskAsync);
        api.MapGet("/Task", SearchTasksAsync);
        api.MapGet("/Patient/{id}/$everything", EverythingAsync);
        api.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (string? rest) =>
            FhirResponses.Outcome(
                StatusCodes.Status404NotFound,
                OperationOutcome.IssueType.NotSupported,
                $"Kith's FHIR API has no '{rest}'. It takes POST ServiceRequest, GET Task/{{id}}, GET Task?_lastUpdated=… and GET Patient/{{id}}/$everything."));
        return root;
    }

    /// <summary>OAuth2 client credentials (RFC 6749 section 4.4): the client id and secret by HTTP Basic or in the form.</summary>
    private static async Task<IResult> TokenAsync(HttpContext http, ReferrerClientService clients, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "Send the request as application/x-www-form-urlencoded with grant_type=client_credentials.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (form["grant_type"].ToString() != "client_credentials")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }

        string? id = form["client_id"].ToString();
        string? secret = form["client_secret"].ToString();
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    id = Uri.UnescapeDataString(pair[..colon]);
                    secret = Uri.UnescapeDataString(pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
                return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "The Basic authorization header is not valid base64 of client_id:client_secret.");
            }
        }

        var token = await clients.IssueTokenAsync(id ?? string.Empty, secret ?? string.Empty, cancellationToken);
        if (token is null)
        {
            http.Response.Headers.WWWAuthenticate = "Basic";
            return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "The client id or secret is wrong, or the client was revoked. Ask the Kith administrator for new credentials.");
        }

        return Results.Json(
            new TokenResponse(token.AccessToken, "Bearer", (int)token.ExpiresIn.TotalSeconds),
            FhirJsonContext.Default.TokenResponse);
    }

    private static IResult OAuthError(int statusCode, string error, string description) =>
        Results.Json(new OAuthErrorResponse(error, description), FhirJsonContext.Default.OAuthErrorResponse, statusCode: statusCode);

    private static async Task<IResult> ReceiveAsync([AsParameters] FhirServices services)
    {
        var body = await ReadBodyAsync(services.Http);
        if (body is null)
        {
            return FhirResponses.BadRequest($"The request body is larger than {BodyLimit / 1024 / 1024} MB. Keep notes short: Kith keeps up to {Referral.NoteLimit:N0} characters of them.");
        }

        if (body.Length == 0)
        {
            return FhirResponses.BadRequest("The request body is empty. Send a FHIR R4 ServiceRequest as application/fhir+json.");
        }

        var reading = ServiceRequestReader.Read(body, UkToday(services.Clock));
        if (reading.Intake is null)
        {
            return FhirResponses.BadRequest(reading.Problem!, reading.Expression);
        }

        var result = await services.Referrals.ReceiveAsync(services.Client.Id, reading.Intake, services.CancellationToken);
        var view = result.View ?? await services.Referrals.GetForClientAsync(services.Client.Id, result.ReferralId, services.CancellationToken);
        services.Http.Response.Headers.Location = $"{BasePath}/Task/{result.ReferralId}";
        return FhirResponses.Resource(ToTask(view!), result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetTaskAsync(string id, [AsParameters] FhirServices services)
    {
        var view = Guid.TryParse(id, out var referralId)
            ? await services.Referrals.GetForClientAsync(services.Client.Id, referralId, services.CancellationToken)
            : null;

        // Another client's Task answers the same as no Task: nothing is learnt about other referrers.
        return view is null ? FhirResponses.NotFound($"There is no Task '{id}' among your referrals.") : FhirResponses.Resource(ToTask(view));
    }

    private static async Task<IResult> SearchTasksAsync([AsParameters] FhirServices services)
    {
        var query = services.Http.Request.Query;
        var unknown = query.Keys.FirstOrDefault(k => !TaskSearchParameters.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return FhirResponses.BadRequest($"Task search does not support the parameter '{unknown}'. Use _lastUpdated (with gt, ge, lt or le) and _count.", unknown);
        }

        var bounds = new List<UpdatedBound>();
        foreach (var value in query["_lastUpdated"])
        {
            var bound = ParseBound(value ?? string.Empty);
            if (bound is null)
            {
                return FhirResponses.BadRequest(
                    $"'_lastUpdated={value}' cannot be read. Write a prefix gt, ge, lt or le then a date or an instant, such as _lastUpdated=gt2026-12-01T09:30:00Z.", "_lastUpdated");
            }

            bounds.Add(bound);
        }

        var count = DefaultCount;
        if (query.TryGetValue("_count", out var countText) && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > ReferralService.SearchLimit))
        {
            return FhirResponses.BadRequest($"_count must be a whole number from 1 to {ReferralService.SearchLimit}.", "_count");
        }

        var views = await services.Referrals.SearchForClientAsync(services.Client.Id, bounds, count, services.CancellationToken);
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = views.Count,
            Timestamp = services.Clock.GetUtcNow(),
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{BasePath}/Task{services.Http.Request.QueryString}" }],
            Entry = views.Select(v => new Bundle.EntryComponent
            {
                FullUrl = $"{BasePath}/Task/{v.Id}",
                Resource = ToTask(v),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            }).ToList(),
        };
        return FhirResponses.Resource(bundle);
    }

    private static async Task<IResult> EverythingAsync(string id, [AsParameters] FhirServices services)
    {
        var client = services.Client;
        if (!Guid.TryParse(id, out var personId) || !await services.Referrals.ReferredAsync(client.Id, personId, services.CancellationToken))
        {
            return FhirResponses.NotFound($"There is no Patient '{id}' among the people you referred.");
        }

        if (!await services.Referrals.SharingAllowedAsync(client.Id, personId, services.CancellationToken))
        {
            return FhirResponses.Outcome(
                StatusCodes.Status403Forbidden,
                OperationOutcome.IssueType.Forbidden,
                $"The person has not agreed to share their record with {client.Name}. Their link worker can record that consent with them if they wish.");
        }

        var db = services.Http.RequestServices.GetRequiredService<KithDbContext>();
        var access = services.Http.RequestServices.GetRequiredService<PersonAccessService>();
        var bundle = await FhirExport.EverythingAsync(db, personId, services.CancellationToken);
        await access.AddEventAsync(personId, PersonAuditActions.Exported, "fhir-everything", new ProcessContext(null, $"FHIR client {client.Name}"), services.CancellationToken);
        return FhirResponses.Resource(bundle);
    }

    /// <summary>The Task a referrer reads for a referral: its status is the connection's, one to one, draft until a connection is made.</summary>
    public static FhirTask ToTask(ReferralView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var task = new FhirTask
        {
            Id = view.Id.ToString(),
            Meta = new Meta { LastUpdated = new DateTimeOffset(view.LastModified, TimeSpan.Zero) },
            Status = StatusOf(view.Status),
            Intent = FhirTask.TaskIntent.Order,
            Code = new CodeableConcept(ServiceRequestReader.SnomedSystem, ServiceRequestReader.SocialPrescribingCode, "Referral to social prescribing service"),
            BusinessStatus = new CodeableConcept { Text = BusinessStatus(view) },
            BasedOn = [new ResourceReference($"ServiceRequest/{view.Id}") { Identifier = new Identifier(view.IdentifierSystem, view.IdentifierValue) }],
            Focus = new ResourceReference($"ServiceRequest/{view.Id}") { Identifier = new Identifier(view.IdentifierSystem, view.IdentifierValue) },
            AuthoredOn = new DateTimeOffset(view.ReceivedAt, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            LastModified = new DateTimeOffset(view.LastModified, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            Owner = new ResourceReference { Display = "Kith social prescribing" },
        };
        task.For = view.PersonId is { } personId
            ? new ResourceReference($"Patient/{personId}")
            : new ResourceReference { Identifier = view.PatientNhsNumber is null ? null : new Identifier(NhsNumber.FhirSystem, view.PatientNhsNumber), Display = "Waiting for review" };
        if (view.StatusReason is not null)
        {
            task.StatusReason = new CodeableConcept { Text = view.StatusReason };
        }

        return task;
    }

    /// <summary>The Task status for a connection status: the names match one to one (<see cref="Connection.ToFhirCode"/>).</summary>
    public static FhirTask.TaskStatus StatusOf(ConnectionStatus status) => Connection.ToFhirCode(status) switch
    {
        "draft" => FhirTask.TaskStatus.Draft,
        "requested" => FhirTask.TaskStatus.Requested,
        "accepted" => FhirTask.TaskStatus.Accepted,
        "rejected" => FhirTask.TaskStatus.Rejected,
        "in-progress" => FhirTask.TaskStatus.InProgress,
        "completed" => FhirTask.TaskStatus.Completed,
        "cancelled" => FhirTask.TaskStatus.Cancelled,
        _ => FhirTask.TaskStatus.Failed,
    };

    private static string BusinessStatus(ReferralView view) => view.Stage switch
    {
        ReferralStage.NeedsReview => "Received: staff are checking which person this is",
        ReferralStage.AwaitingConnection => "Received: a link worker will choose a community group or activity with the person",
        _ => view.Status switch
        {
            ConnectionStatus.Draft => "A community group or activity has been chosen; not yet introduced",
            ConnectionStatus.Requested => "Introduced to the group, or the person was told how to go",
            ConnectionStatus.Accepted => "The group accepted, or the person said they will go",
            ConnectionStatus.Rejected => "Declined",
            ConnectionStatus.InProgress => "The person has started attending",
            ConnectionStatus.Completed => "Completed",
            ConnectionStatus.Cancelled => "Cancelled",
            _ => "Did not work out",
        },
    };

    /// <summary>The body, or null when it is larger than <see cref="BodyLimit"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > BodyLimit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > BodyLimit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static UpdatedBound? ParseBound(string value)
    {
        if (value.Length < 3)
        {
            return null;
        }

        UpdatedComparison? comparison = value[..2] switch
        {
            "gt" => UpdatedComparison.GreaterThan,
            "ge" => UpdatedComparison.GreaterOrEqual,
            "lt" => UpdatedComparison.LessThan,
            "le" => UpdatedComparison.LessOrEqual,
            _ => null,
        };
        if (comparison is null)
        {
            return null;
        }

        var text = value[2..];
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new UpdatedBound(comparison.Value, date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        // An instant needs its offset (Z or +01:00), so that it means one moment.
        if (text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return new UpdatedBound(comparison.Value, instant.UtcDateTime);
        }

        return null;
    }

    private static DateOnly UkToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
}

/// <summary>The OAuth2 token response.</summary>
public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>An OAuth2 error response.</summary>
public sealed record OAuthErrorResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);

[System.Text.Json.Serialization.JsonSerializable(typeof(TokenResponse))]
[System.Text.Json.Serialization.JsonSerializable(typeof(OAuthErrorResponse))]
internal sealed partial class FhirJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
