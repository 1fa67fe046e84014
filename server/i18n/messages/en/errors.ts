// The error pages (plugins/errors.ts) and the 503 in other formats.
export const errors = {
  code: (status: number) => `Error ${status}`,
  backToStories: "Back to the stories",
  notFound: { title: "Page not found", message: "There is nothing at this address. The story may have been removed, or the link mistyped." },
  badRequest: { title: "That request did not work", message: "The request could not be understood. Please go back and try again." },
  badValue: { title: "That request did not work", message: "The address or form carried a value Escalator does not understand. Please go back and try again." },
  forbidden: { title: "Not allowed", message: "You are not allowed to do that." },
  csrf: "This form had expired or was not sent from Escalator, so nothing was changed. Please go back, reload the page and try again.",
  tooMany: { title: "Slow down a little", message: (seconds: string) => `Too many attempts in a short time. Please wait ${seconds} seconds and try again.` },
  unreachable: { title: "Back in a moment", message: "Escalator cannot reach its database just now. Please try again in a minute; nothing you had saved is lost." },
  busy: { title: "Busy just now", message: "Escalator took too long to answer this one. Please try again in a moment; nothing you had saved is lost." },
  closing: { title: "Back in a moment", message: "This Escalator server is restarting. Please try again in a few seconds; nothing you had saved is lost." },
  server: { title: "Something went wrong", message: "An error on our side stopped this page. It has been logged; please try again." },
};
