"""Speech: the customer's voice (pyttsx3 / espeak-ng), the trainee's (vosk), and speech models."""
