// Reported: no-unbounded-retry. On 401 the interceptor refreshes the token and replays the
// request. If the refreshed token is rejected too, the replay gets a 401 and replays again, forever.
import axios from 'axios';

export const api = axios.create({ baseURL: 'https://api.example.com' });

async function refreshAccessToken() {
  const { data } = await axios.post('https://auth.example.com/token/refresh', {}, { withCredentials: true });
  api.defaults.headers.common.Authorization = `Bearer ${data.accessToken}`;
  return data.accessToken;
}

api.interceptors.response.use(
  (response) => response,
  async (error) => {
    if (error.response?.status === 401) {
      const token = await refreshAccessToken();
      error.config.headers.Authorization = `Bearer ${token}`;
      return api(error.config);
    }
    return Promise.reject(error);
  },
);
