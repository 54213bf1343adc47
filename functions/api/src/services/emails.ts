import type { Locale } from '@manabi/core';

/** Email texts (subject, body) in the recipient's language. Links come from config, never the request. */
export function verifyEmailMessage(locale: Locale, name: string, link: string) {
  return locale === 'ja'
    ? { subject: 'メールアドレスの確認', body: `${name} 様\n\n以下のリンクからメールアドレスを確認してください（7日間有効）。\n${link}\n` }
    : { subject: 'Confirm your email address', body: `Hello ${name},\n\nPlease confirm your email address (valid for 7 days):\n${link}\n` };
}

export function invitationMessage(locale: Locale, name: string, companyName: string, link: string) {
  return locale === 'ja'
    ? {
        subject: `${companyName} への招待`,
        body: `${name} 様\n\n${companyName} の学習アカウントが作成されました。以下のリンクからパスワードを設定してください（14日間有効）。\n${link}\n`,
      }
    : {
        subject: `You are invited to ${companyName}`,
        body: `Hello ${name},\n\nA learning account at ${companyName} was created for you. Set your password here (valid for 14 days):\n${link}\n`,
      };
}

export function passwordResetMessage(locale: Locale, name: string, productName: string, link: string, minutes: number) {
  return locale === 'ja'
    ? {
        subject: `${productName} パスワードの再設定`,
        body: `${name} 様\n\n${productName} のパスワード再設定が依頼されました。以下のリンクから新しいパスワードを設定してください（${minutes}分間有効、1回のみ使用できます）。\n${link}\n\n心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。\n`,
      }
    : {
        subject: `${productName}: reset your password`,
        body: `Hello ${name},\n\nSomeone asked to reset your ${productName} password. Set a new one here (valid for ${minutes} minutes, usable once):\n${link}\n\nIf this was not you, ignore this email; your password stays as it is.\n`,
      };
}

/** To the owner of an address someone tried to sign a new company up with (sign-up answers the same either way). */
export function signupExistingMessage(locale: Locale, name: string, productName: string, signinLink: string, resetLink: string) {
  return locale === 'ja'
    ? {
        subject: `${productName} 新規登録のお知らせ`,
        body: `${name} 様\n\nこのメールアドレスで ${productName} に企業の新規登録が申し込まれましたが、このアドレスはすでに登録されています。新しいアカウントは作成していません。\n\nご本人の場合は、こちらからログインしてください。\n${signinLink}\n\nパスワードをお忘れの場合は、こちらから再設定できます。\n${resetLink}\n\n心当たりがない場合は、このメールを破棄してください。アカウントは変わりません。\n`,
      }
    : {
        subject: `${productName}: a sign-up with your email address`,
        body: `Hello ${name},\n\nSomeone tried to sign a new company up for ${productName} with this email address, which already has an account. No new account was created.\n\nIf it was you, sign in here:\n${signinLink}\n\nForgot your password? Reset it here:\n${resetLink}\n\nIf this was not you, ignore this email; your account stays as it is.\n`,
      };
}
