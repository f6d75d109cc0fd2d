using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>
/// Chooses a new (or first) password from an emailed link. The link names the account by its id,
/// not its email address, so no personal data travels in the address.
/// </summary>
public class ResetPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>True when the link is missing its account or token, or they no longer work.</summary>
    public bool LinkBroken { get; private set; }

    public int MinimumLength => AccountRules.MinimumPasswordLength;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a new password")]
        [StringLength(200, MinimumLength = AccountRules.MinimumPasswordLength, ErrorMessage = "Password must be 12 characters or more")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match. Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
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
            var outcome = await accounts.ResetPasswordAsync(UserId, Token, Input.Password!, cancellationToken);
            if (outcome.Succeeded)
            {
                return RedirectToPage("/Account/ResetPasswordDone");
            }

            if (outcome.Errors.Contains(AccountService.InvalidLinkError))
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
