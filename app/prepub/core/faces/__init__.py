"""Faces: detection, age estimation and encodings behind the :class:`FaceAnalyzer` protocol.

Heavy libraries (onnxruntime, dlib, face_recognition) load lazily inside the implementations;
importing this package is cheap.
"""

from prepub.core.faces.age import AgeEstimator
from prepub.core.faces.analyzer import (
    DEFAULT_MAX_SIDE,
    CenterFaceAnalyzer,
    FaceAnalyzer,
    analyze_file,
)
from prepub.core.faces.centerface import CenterFace, Detection, DetectorSettings
from prepub.core.faces.encodings import FaceEncoder, encode_faces, face_distance

__all__ = [
    "DEFAULT_MAX_SIDE",
    "AgeEstimator",
    "CenterFace",
    "CenterFaceAnalyzer",
    "Detection",
    "DetectorSettings",
    "FaceAnalyzer",
    "FaceEncoder",
    "analyze_file",
    "encode_faces",
    "face_distance",
]
