// The JSON API client.

// APIError carries the server's {"error": "..."} message.
export class APIError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// get fetches an API path with query parameters (empty values dropped)
// and returns the decoded JSON, or throws an APIError.
export async function get(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const url = q.toString() ? `${path}?${q}` : path;
  const resp = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await resp.json();
  } catch {
    throw new APIError(resp.status, `${resp.status} ${resp.statusText}`);
  }
  if (!resp.ok) throw new APIError(resp.status, (body && body.error) || resp.statusText);
  return body;
}
