/**
 * The browser pages: sign-in, the OAuth consent page with its account choice, and the profile page
 * where people manage their access tokens and connected apps. Server-rendered with Thymeleaf.
 */
package io.timeledger.web;
