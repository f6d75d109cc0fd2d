using System.ComponentModel.DataAnnotations;
using Kith.Core.People.MyView;
using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>Accepts an invitation to see one's own plan: choose a password, then signed in at /my.</summary>
public class AcceptInvitationModel(PersonInvitationService invitations, UserManager<KithUser> users, SignInManager<KithUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkBroken { get; private set; }

    public int MinimumLength => AccountRules.MinimumPasswordLength;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a password")]
        [StringLength(200, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "Password must be 12 characters or more")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || !await invitations.IsValidAsync(UserId, Token))
        {
            return Broken();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
        {
            return Broken();
        }

        if (ModelState.IsValid)
        {
            var outcome = await invitations.AcceptAsync(UserId, Token, Input.Password!, cancellationToken);
            if (outcome.Succeeded)
            {
                var user = await users.FindByIdAsync(UserId);
                await signIn.SignInAsync(user!, isPersistent: false);
                return Redirect("/my");
            }

            if (outcome.Errors.Contains(PersonInvitationService.InvalidLinkError))
            {
                return Broken();
            }

            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError("Input.Password", error);
            }
        }

        Input = new InputModel();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Broken()
    {
        LinkBroken = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
