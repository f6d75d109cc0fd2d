using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

public class SignInModel(SignInManager<KithUser> signIn, UserManager<KithUser> users) : PageModel
{
    /// <summary>The message for any wrong email or password: it never says which, or whether the account exists.</summary>
    public const string WrongCredentials = "Enter the email address and password of your account. The email address or password you entered is not right.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var email = Input.Email!.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(AccountLinks.SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = AccountLinks.SafeReturnUrl(Url, ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            var user = await users.FindByEmailAsync(email);
            var end = user is null ? null : await users.GetLockoutEndDateAsync(user);
            return LockedOutModel.RedirectTo(this, end);
        }

        ModelState.AddModelError("Input.Email", WrongCredentials);
        return Invalid();
    }

    private PageResult Invalid()
    {
        Input.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
