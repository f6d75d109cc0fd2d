using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>
/// The second step of signing in, shared by the authenticator-code and recovery-code pages: both need a
/// first step already passed, both lock out the same way, and differ only in how the code is checked.
/// </summary>
public abstract class SecondStepPageModel(SignInManager<KithUser> signIn, UserManager<KithUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected SignInManager<KithUser> SignInManager => signIn;

    /// <summary>The message shown when the code is well formed but wrong.</summary>
    protected abstract string WrongCodeMessage { get; }

    /// <summary>Checks the code the person typed (already validated for shape).</summary>
    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync();

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToFirstStep() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return BackToFirstStep();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await SignInWithCodeAsync();
        if (result.Succeeded)
        {
            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return LockedOutModel.RedirectTo(this, await users.GetLockoutEndDateAsync(user));
        }

        ModelState.AddModelError("Input.Code", WrongCodeMessage);
        return Invalid();
    }

    private RedirectToPageResult BackToFirstStep() =>
        RedirectToPage("/Account/SignIn", new { returnUrl = AccountLinks.SafeReturnUrl(Url, ReturnUrl) });

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
