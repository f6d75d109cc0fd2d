using Kith.Core.Connections;
using Kith.Core.Connections.Introductions;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Introductions;

/// <summary>What the group posts: its answer, the connection version it was shown, and the reason when declining.</summary>
public sealed class RespondInput
{
    public IntroductionResponse? Response { get; set; }

    public int Version { get; set; }

    public string? Reason { get; set; }

    /// <summary>Checks the answer at the edge; false (with the error on Input.Reason) when a decline has no reason.</summary>
    public bool Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Response is not { } response || !Enum.IsDefined(response))
        {
            modelState.AddModelError(string.Empty, "Choose one of the buttons on this page.");
            return false;
        }

        if (response == IntroductionResponse.Decline && string.IsNullOrWhiteSpace(Reason))
        {
            modelState.AddModelError("Input.Reason", "Enter why you cannot take them, so the practitioner can suggest somewhere else");
            return false;
        }

        if (Reason is { Length: > Connection.NoteLimit })
        {
            modelState.AddModelError("Input.Reason", $"The reason must be {Connection.NoteLimit} characters or fewer");
            return false;
        }

        return true;
    }

    /// <summary>Turns the service's answer into a page: an error for a refusal or a conflict, else null (done: show it again).</summary>
    public static int? Show(RespondResult result, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        switch (result.Outcome)
        {
            case RespondOutcome.Refused:
                modelState.AddModelError(string.Empty, result.Message ?? "That answer is not possible any more.");
                return StatusCodes.Status409Conflict;
            case RespondOutcome.Conflict:
                modelState.AddModelError(string.Empty, "Someone else answered this introduction while you had the page open. Here is where it stands now; answer again if you need to.");
                return StatusCodes.Status409Conflict;
            default:
                return null;
        }
    }
}

/// <summary>The model of the answer buttons partial.</summary>
/// <param name="Action">Where the forms post.</param>
public sealed record AnswersView(IntroductionView Introduction, string Action, RespondInput Input);

/// <summary>
/// The group's page behind the emailed link (ADR 20). No account is needed: the token in the address is the only key. Opening
/// it changes nothing; only the buttons (POST, with antiforgery) answer. Rate-limited per address; never indexed, cached or
/// passed on as a referrer. An unknown or tampered token and an expired one show no personal data.
/// </summary>
[AllowAnonymous]
public sealed class RespondModel(IntroductionService introductions, ReviewLinkRateLimiter limiter) : PageModel
{
    public IntroductionView Introduction { get; private set; } = IntroductionView.Unknown;

    [BindProperty]
    public RespondInput Input { get; set; } = new();

    public bool TooManyRequests { get; private set; }

    /// <summary>Where the answer forms post: this page.</summary>
    public string Action => Request.Path;

    /// <summary>The thank-you after an answer was saved (the redirect carries which answer, no personal data), or null.</summary>
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Protect();
        if (!limiter.TryAcquire(HttpContext))
        {
            return Limited();
        }

        Introduction = await introductions.ReadByTokenAsync(token, cancellationToken);
        if (Enum.TryParse<IntroductionResponse>(Request.Query["saved"], out var saved) && Enum.IsDefined(saved))
        {
            Saved = SavedWords(saved);
        }

        return Show(null);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Protect();
        if (!limiter.TryAcquire(HttpContext))
        {
            return Limited();
        }

        int? status = StatusCodes.Status400BadRequest;
        if (Input.Validate(ModelState))
        {
            var result = await introductions.RespondAsync(token, Input.Response!.Value, Input.Reason, Input.Version, cancellationToken);
            status = RespondInput.Show(result, ModelState);
            if (status is null && result.Outcome is RespondOutcome.Moved or RespondOutcome.AlreadyDone)
            {
                return Redirect($"{Request.Path}?saved={Input.Response.Value}");
            }
        }

        Introduction = await introductions.ReadByTokenAsync(token, cancellationToken);
        return Show(Introduction.State is IntroductionLinkState.Open or IntroductionLinkState.Finished ? status : null);
    }

    /// <summary>Where an introduction stands, in the group's words, with the reason they gave when they declined.</summary>
    public static string StandingWords(ConnectionStatus status, string? reason = null) => status switch
    {
        ConnectionStatus.Requested => "Waiting for your answer",
        ConnectionStatus.Accepted => "You said you can welcome them",
        ConnectionStatus.Rejected => reason is null ? "You could not take them" : $"You could not take them: {reason}",
        ConnectionStatus.InProgress => "They came along",
        ConnectionStatus.Completed => "Finished",
        ConnectionStatus.Cancelled => "Stopped by the person or the practitioner",
        ConnectionStatus.Failed => "It did not work out",
        _ => "Not sent yet",
    };

    /// <summary>The thank-you after an answer.</summary>
    public static string SavedWords(IntroductionResponse response) => response switch
    {
        IntroductionResponse.Accept => "Thank you. We have told the practitioner you can welcome them. Please get in touch with the person.",
        IntroductionResponse.Decline => "Thank you. We have told the practitioner, so they can suggest somewhere else.",
        _ => "Thank you. We have told the practitioner they came along.",
    };

    private PageResult Show(int? status)
    {
        Response.StatusCode = status ?? Introduction.State switch
        {
            IntroductionLinkState.Unknown => StatusCodes.Status404NotFound,
            IntroductionLinkState.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private void Protect()
    {
        // The token must not leave in a Referer; the security headers keep a policy a page has set.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private PageResult Limited()
    {
        TooManyRequests = true;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)ReviewLinkRateLimiter.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }
}
