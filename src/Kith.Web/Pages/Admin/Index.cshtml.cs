using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin;

/// <summary>The administrators' starting page: every administration area, linked from the header. A test checks no /admin page is missing.</summary>
public sealed class IndexModel : PageModel
{
    public sealed record Area(string Href, string Title, string Description);

    public static IReadOnlyList<Area> Areas { get; } =
    [
        new("/admin/users", "Accounts", "Create accounts, change roles and unlock people."),
        new("/admin/claims", "Claims on listings", "Check organisations' claims to look after their listings."),
        new("/admin/feeds", "Directory feeds", "Open Referral UK feeds that Kith pulls listings from."),
        new("/admin/directory-freshness", "Keeping listings up to date", "When review reminders go out, and the overdue listings."),
        new("/admin/retention", "How long closed records are kept", "The retention period after which closed records are erased."),
        new("/admin/instruments", "Outcome instruments", "The questionnaires used to measure outcomes."),
        new("/admin/prompt-sets", "Conversation prompt sets", "The prompts offered in \"what matters to you\" conversations."),
        new("/admin/outbox", "Outbox", "Emails waiting to be sent, sent, or failed."),
        new("/admin/fhir-clients", "Referring systems (FHIR)", "The ids and secrets that GP systems and other referrers use to send referrals."),
        new("/admin/referrals", "Referrals received", "Referrals from other systems: confirm who the person is, and choose a community group with them."),
    ];

    public void OnGet()
    {
    }
}
