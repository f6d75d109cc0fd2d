using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Users;

/// <summary>
/// Creates an account with one role. No password is shown to the administrator: the person gets an
/// email with a link to choose their own.
/// </summary>
public class CreateModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's name")]
        [StringLength(100, ErrorMessage = "Name must be 100 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter the person's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Select a role")]
        public string? Role { get; set; }
    }

    /// <summary>Roles in the order offered, with what each lets a person do.</summary>
    public static IReadOnlyList<(string Role, string Hint)> Roles { get; } =
    [
        (KithRoles.Person, "Finds local groups and activities and sees their own information."),
        (KithRoles.CommunityEditor, "Keeps up to date the listings of the organisations whose claim on them was approved for this account."),
        (KithRoles.Practitioner, "Works with people and connects them with community assets. Needs two-factor sign-in."),
        (KithRoles.Manager, "Leads a team and sees how it works. Needs two-factor sign-in."),
        (KithRoles.Administrator, "Manages accounts, imports and settings. Needs two-factor sign-in."),
    ];

    /// <summary>A role as people read it.</summary>
    public static string RoleName(string role) => role switch
    {
        KithRoles.CommunityEditor => "Community editor",
        _ => role,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Role is not null && !KithRoles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Select a role");
        }

        if (ModelState.IsValid)
        {
            var name = Input.DisplayName!.Trim();
            var outcome = await accounts.InviteUserAsync(
                Input.Email!.Trim(),
                name,
                Input.Role!,
                AccountLinks.Absolute(HttpContext, AccountLinks.ResetPassword),
                HttpContext.GetProcessContext(),
                cancellationToken);
            if (outcome.Succeeded)
            {
                Notice = $"Account created for {name}. We have emailed them a link to choose their password.";
                return RedirectToPage("/Admin/Users/Index");
            }

            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError("Input.Email", error);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
