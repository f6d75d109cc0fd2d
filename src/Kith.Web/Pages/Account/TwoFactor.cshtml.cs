using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app.</summary>
public class TwoFactorModel(SignInManager<KithUser> signIn, UserManager<KithUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}[\s-]?\d{3}\s*$", ErrorMessage = "The code must be 6 digits, like 123456")]
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AccountService.NormaliseCode(Input.Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return LockedOutModel.RedirectTo(this, await users.GetLockoutEndDateAsync(user));
        }

        ModelState.AddModelError("Input.Code", "The code is not right. Enter the 6-digit code your authenticator app shows now");
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
