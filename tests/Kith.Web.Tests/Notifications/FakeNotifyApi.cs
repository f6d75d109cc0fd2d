using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kith.Web.Tests.Notifications;

/// <summary>
/// A stand-in for the GOV.UK Notify API on 127.0.0.1: <c>POST /v2/notifications/email</c> and
/// <c>/sms</c>, and <c>GET /v2/notifications?reference=</c>, answering with the success and error
/// bodies Notify documents. It checks that each request carries a bearer token issued for the
/// service in <see cref="ApiKey"/>.
/// </summary>
public sealed class FakeNotifyApi : IAsyncDisposable
{
    public const string ServiceId = "5a1c3f2e-0b4d-4e6f-8a9b-1c2d3e4f5a6b";
    public const string ApiKey = "kith_test-" + ServiceId + "-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    public const string EmailTemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    private readonly WebApplication app;

    private FakeNotifyApi(WebApplication app) => this.app = app;

    /// <summary>How the fake answers sends: <see cref="HttpStatusCode.Created"/> (the default), or an error status.</summary>
    public HttpStatusCode SendStatus { get; set; } = HttpStatusCode.Created;

    /// <summary>Notifications Notify accepted, in order.</summary>
    public ConcurrentQueue<NotifySend> Accepted { get; } = new();

    /// <summary>Every send request, accepted or not.</summary>
    public int SendRequests => sendRequests;

    private int sendRequests;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeNotifyApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeNotifyApi(app);
        app.MapPost("/v2/notifications/{type}", fake.SendAsync);
        app.MapGet("/v2/notifications", fake.List);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.BaseUrl = new Uri(address + "/");
        return fake;
    }

    /// <summary>Records a notification as if Notify had accepted it earlier (an attempt whose outcome Kith did not record).</summary>
    public void AcceptedEarlier(string emailAddress, string reference) =>
        Accepted.Enqueue(new NotifySend(Guid.NewGuid(), "email", emailAddress, EmailTemplateId, string.Empty, string.Empty, reference));

    private async Task<IResult> SendAsync(HttpContext context, string type)
    {
        Interlocked.Increment(ref sendRequests);
        if (!Authorised(context))
        {
            return Error(HttpStatusCode.Forbidden, "AuthError", "Invalid token: API key not found");
        }

        switch (SendStatus)
        {
            case HttpStatusCode.Created:
                break;
            case HttpStatusCode.TooManyRequests:
                return Error(SendStatus, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
            case HttpStatusCode.BadRequest:
                return Error(SendStatus, "BadRequestError", "Can't send to this recipient using a team-only API key");
            default:
                return Error(SendStatus, "Exception", "Internal server error");
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("no body");
        var personalisation = body["personalisation"];
        var send = new NotifySend(
            Guid.NewGuid(),
            type,
            (string?)body["email_address"] ?? (string?)body["phone_number"] ?? string.Empty,
            (string?)body["template_id"] ?? string.Empty,
            (string?)personalisation?["subject"] ?? string.Empty,
            (string?)personalisation?["body"] ?? string.Empty,
            (string?)body["reference"]);
        Accepted.Enqueue(send);
        var root = BaseUrl.ToString().TrimEnd('/');
        var response = new JsonObject
        {
            ["id"] = send.Id.ToString(),
            ["reference"] = send.Reference,
            ["content"] = type == "sms"
                ? new JsonObject { ["body"] = send.Body, ["from_number"] = "GOVUK" }
                : new JsonObject { ["subject"] = send.Subject, ["body"] = send.Body, ["from_email"] = "kith@notifications.service.gov.uk" },
            ["uri"] = $"{root}/v2/notifications/{send.Id}",
            ["template"] = new JsonObject { ["id"] = send.TemplateId, ["version"] = 1, ["uri"] = $"{root}/v2/template/{send.TemplateId}" },
            ["one_click_unsubscribe_url"] = null,
        };
        return Results.Json(response, statusCode: StatusCodes.Status201Created);
    }

    private IResult List(HttpContext context)
    {
        if (!Authorised(context))
        {
            return Error(HttpStatusCode.Forbidden, "AuthError", "Invalid token: API key not found");
        }

        var reference = context.Request.Query["reference"].ToString();
        var root = BaseUrl.ToString().TrimEnd('/');
        var items = new JsonArray();
        foreach (var send in Accepted.Where(s => string.IsNullOrEmpty(reference) || s.Reference == reference))
        {
            items.Add(new JsonObject
            {
                ["id"] = send.Id.ToString(),
                ["reference"] = send.Reference,
                ["email_address"] = send.Recipient,
                ["type"] = send.Type,
                ["status"] = "delivered",
                ["template"] = new JsonObject { ["id"] = send.TemplateId, ["version"] = 1, ["uri"] = $"{root}/v2/template/{send.TemplateId}" },
                ["body"] = send.Body,
                ["subject"] = send.Subject,
                ["created_at"] = "2026-12-03T10:00:00.000000Z",
                ["created_by_name"] = null,
                ["sent_at"] = "2026-12-03T10:00:01.000000Z",
                ["completed_at"] = "2026-12-03T10:00:05.000000Z",
            });
        }

        return Results.Json(new JsonObject
        {
            ["notifications"] = items,
            ["links"] = new JsonObject { ["current"] = $"{root}/v2/notifications", ["next"] = null },
        });
    }

    /// <summary>True when the request carries a JWT whose issuer is the fake's service id, as Notify checks.</summary>
    private static bool Authorised(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = header["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return claims.RootElement.TryGetProperty("iss", out var issuer) && issuer.GetString() == ServiceId;
    }

    private static IResult Error(HttpStatusCode status, string error, string message) =>
        Results.Json(
            new JsonObject
            {
                ["status_code"] = (int)status,
                ["errors"] = new JsonArray(new JsonObject { ["error"] = error, ["message"] = message }),
            },
            statusCode: (int)status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One notification the fake accepted: what Kith asked Notify to send.</summary>
public sealed record NotifySend(Guid Id, string Type, string Recipient, string TemplateId, string Subject, string Body, string? Reference);
