using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>The second step of signing in with a one-time recovery code instead of the app.</summary>
public class TwoFactorRecoveryModel(SignInManager<KithUser> signIn, UserManager<KithUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes")]
        [StringLength(40, ErrorMessage = "A recovery code is shorter than that. Enter one of the codes you saved")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/SignIn", new { returnUrl = AccountLinks.SafeReturnUrl(Url, ReturnUrl) });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn", new { returnUrl = AccountLinks.SafeReturnUrl(Url, ReturnUrl) });
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        if (result.Succeeded)
        {
            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return LockedOutModel.RedirectTo(this, await users.GetLockoutEndDateAsync(user));
        }

        ModelState.AddModelError("Input.Code", "That recovery code is not right or has been used. Enter another of your recovery codes");
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
